import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readZip } from './zip-reader';

export const ROOT = path.join(__dirname, '..', '..');
export const APP_PACKAGE_DIR = path.join(ROOT, 'appPackage');
const SCRIPT = path.join(ROOT, 'scripts', 'package-teams.js');

export const APP_ID = '6f1c2e7a-3b4d-4e5f-8a9b-0c1d2e3f4a5b';
export const WEBSITE_URL = 'https://intranet.contoso.com/security/warden';

export interface PackageRun {
  status: number | null;
  stdout: string;
  stderr: string;
  /** The archive as written, and its entries; both undefined when nothing was written. */
  archive?: Buffer;
  files?: Map<string, Buffer>;
}

/**
 * Runs `scripts/package-teams.js` as `npm run package:teams` would, in a fresh folder (so only
 * the `.env` given here is read) and with only the environment given here.
 */
export function runPackageScript(
  env: Record<string, string>,
  options: { dotEnv?: string } = {},
): PackageRun {
  const cwd = mkdtempSync(path.join(tmpdir(), 'warden-teams-package-'));
  if (options.dotEnv !== undefined) {
    writeFileSync(path.join(cwd, '.env'), options.dotEnv);
  }
  const outPath = path.join(cwd, 'out', 'warden-teams.zip');

  const result = spawnSync(process.execPath, [SCRIPT, '--out', outPath], {
    cwd,
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
    timeout: 20000,
  });
  const archive = existsSync(outPath) ? readFileSync(outPath) : undefined;
  const files = archive && readZip(archive);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, archive, files };
}

/** The manifest as the package script writes it, with a valid app id and website. */
export function packagedManifest(): Record<string, unknown> {
  const run = runPackageScript({ MicrosoftAppId: APP_ID, TEAMS_APP_WEBSITE_URL: WEBSITE_URL });
  const manifest = run.files?.get('manifest.json');
  if (run.status !== 0 || !manifest) throw new Error(`package:teams failed:\n${run.stderr}`);
  return JSON.parse(manifest.toString('utf8'));
}
