import { readFileSync } from 'node:fs';
import path from 'node:path';
import { APP_ID, APP_PACKAGE_DIR, WEBSITE_URL, runPackageScript } from './package-script';
import { readZip } from './zip-reader';

const VALID_ENV = { MicrosoftAppId: APP_ID, TEAMS_APP_WEBSITE_URL: WEBSITE_URL };

function manifestOf(files: Map<string, Buffer> | undefined): Record<string, any> {
  const manifest = files?.get('manifest.json');
  if (!manifest) throw new Error('the archive has no manifest.json');
  return JSON.parse(manifest.toString('utf8'));
}

describe('npm run package:teams', () => {
  it('writes manifest.json, color.png and outline.png at the root of the zip', () => {
    const run = runPackageScript(VALID_ENV);

    expect(run.status).toBe(0);
    expect([...(run.files?.keys() ?? [])]).toEqual(['manifest.json', 'color.png', 'outline.png']);
    for (const icon of ['color.png', 'outline.png']) {
      expect(run.files?.get(icon)?.equals(readFileSync(path.join(APP_PACKAGE_DIR, icon)))).toBe(
        true,
      );
    }
    expect(run.stdout).toMatch(/Upload an app/);
  });

  it('fills the app id into the manifest and leaves no token behind', () => {
    const run = runPackageScript(VALID_ENV);
    const text = run.files?.get('manifest.json')?.toString('utf8') ?? '';

    expect(manifestOf(run.files)).toMatchObject({ id: APP_ID, bots: [{ botId: APP_ID }] });
    expect(text).not.toContain('${{');
  });

  it('uses the privacy, terms and developer name variables when they are set', () => {
    const run = runPackageScript({
      ...VALID_ENV,
      TEAMS_APP_PRIVACY_URL: 'https://contoso.com/privacy',
      TEAMS_APP_TERMS_URL: 'https://contoso.com/terms',
      TEAMS_APP_DEVELOPER_NAME: 'Contoso Security',
    });

    expect(manifestOf(run.files).developer).toEqual({
      name: 'Contoso Security',
      websiteUrl: WEBSITE_URL,
      privacyUrl: 'https://contoso.com/privacy',
      termsOfUseUrl: 'https://contoso.com/terms',
    });
  });

  it('treats an empty variable as not set, as .env.example writes them', () => {
    const run = runPackageScript({
      ...VALID_ENV,
      TEAMS_APP_PRIVACY_URL: '',
      TEAMS_APP_TERMS_URL: ' ',
    });

    expect(manifestOf(run.files).developer).toMatchObject({
      privacyUrl: WEBSITE_URL,
      termsOfUseUrl: WEBSITE_URL,
    });
  });

  it('reads MicrosoftAppId from .env, and the real environment wins over the file', () => {
    const otherId = '0a0b0c0d-1111-4222-8333-444455556666';
    const dotEnv = `# Warden\nMicrosoftAppId=${otherId}\nTEAMS_APP_WEBSITE_URL=${WEBSITE_URL}\n`;

    const fromFile = runPackageScript({}, { dotEnv });
    const overridden = runPackageScript({ MicrosoftAppId: APP_ID }, { dotEnv });

    expect(manifestOf(fromFile.files).id).toBe(otherId);
    expect(manifestOf(overridden.files).id).toBe(APP_ID);
  });

  it('refuses an app id that is not a GUID, says where to find it and writes nothing', () => {
    const secretLike = 'Qx8Q~abcDEFghiJKLmnoPQRstuVWXyz0123456789';

    const run = runPackageScript({ ...VALID_ENV, MicrosoftAppId: secretLike });

    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/MicrosoftAppId is not a GUID/);
    expect(run.stderr).toMatch(/Azure Bot resource → Configuration → Microsoft App ID/);
    expect(run.stderr).not.toContain(secretLike);
    expect(run.files).toBeUndefined();
  });

  it('names every missing variable at once', () => {
    const run = runPackageScript({});

    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/MicrosoftAppId is not set/);
    expect(run.stderr).toMatch(/TEAMS_APP_WEBSITE_URL is not set/);
    expect(run.stderr).not.toMatch(/\n\s+at /); // a message for people, not a stack trace
  });

  it('refuses a developer website that is not https', () => {
    const run = runPackageScript({ ...VALID_ENV, TEAMS_APP_WEBSITE_URL: 'http://intranet' });

    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/TEAMS_APP_WEBSITE_URL must be an absolute https URL/);
  });
});

describe('readZip', () => {
  it('refuses an archive whose entry does not match its CRC-32', () => {
    const archive = Buffer.from(runPackageScript(VALID_ENV).archive ?? []);
    const centralDirectory = archive.readUInt32LE(archive.length - 22 + 16);
    archive[centralDirectory + 16] ^= 0xff; // the first entry's CRC-32

    expect(() => readZip(archive)).toThrow(/manifest.json does not match its size or CRC-32/);
  });
});
