// `npm run package:teams`: writes dist/warden-teams.zip, the Teams app package to upload in Teams
// (Apps → Manage your apps → Upload an app) or in the Teams admin center (Manage apps → Upload).
//
// It fills the ${{NAME}} tokens of appPackage/manifest.json from the environment (a .env file in
// the current folder is read as well; the real environment wins) and the app version from
// package.json, then zips manifest.json, color.png and outline.png at the archive root.
//
//   MicrosoftAppId            required: the bot's Microsoft App ID (a GUID). It is also the Teams
//                             app id, so one Azure Bot registration maps to one Teams app.
//   TEAMS_APP_WEBSITE_URL     required: an https page where your users get help with Warden.
//   TEAMS_APP_PRIVACY_URL     https privacy statement; default TEAMS_APP_WEBSITE_URL.
//   TEAMS_APP_TERMS_URL       https terms of use; default TEAMS_APP_WEBSITE_URL.
//   TEAMS_APP_DEVELOPER_NAME  publisher name shown in Teams, up to 32 characters; default Warden.
//
// Usage: node scripts/package-teams.js [--out <file.zip>]
const fs = require('node:fs');
const path = require('node:path');
const { parseEnv } = require('node:util');
const { createZip } = require('./zip-writer');

const ROOT = path.join(__dirname, '..');
const APP_PACKAGE_DIR = path.join(ROOT, 'appPackage');
const DEFAULT_OUT = path.join(ROOT, 'dist', 'warden-teams.zip');
const PACKAGE_FILES = ['manifest.json', 'color.png', 'outline.png'];

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TOKEN = /\$\{\{(\w+)\}\}/g;
const MAX_DEVELOPER_NAME_CHARS = 32;
const MAX_URL_CHARS = 2048;

const APP_ID_HELP =
  'Set it to the Microsoft App ID of your Azure Bot: in the Azure portal, open the Azure Bot ' +
  'resource → Configuration → Microsoft App ID (a GUID such as ' +
  '1a2b3c4d-0000-4000-8000-123456789abc).';

/** A problem the person running the script can fix; printed without a stack trace. */
class PackageError extends Error {}

function parseArgs(argv) {
  const args = { outPath: DEFAULT_OUT };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out' && argv[i + 1]) {
      args.outPath = path.resolve(argv[++i]);
    } else {
      throw new PackageError(
        `Unknown argument "${argv[i]}". Usage: package-teams [--out <file.zip>]`,
      );
    }
  }
  return args;
}

/** The .env file of the current folder overlaid with the real environment. */
function readEnvironment(cwd, env) {
  const envFile = path.join(cwd, '.env');
  let fromFile = {};
  try {
    fromFile = parseEnv(fs.readFileSync(envFile, 'utf8'));
  } catch (error) {
    if (error.code !== 'ENOENT') {
      throw new PackageError(`Could not read ${envFile}: ${error.message}`, { cause: error });
    }
  }
  return { ...fromFile, ...env };
}

function checkAppId(value, problems) {
  if (!value) {
    problems.push(`MicrosoftAppId is not set. ${APP_ID_HELP}`);
  } else if (!GUID.test(value)) {
    // The value is not echoed: a client secret pasted into the wrong variable must not be printed.
    problems.push(`MicrosoftAppId is not a GUID (${value.length} characters). ${APP_ID_HELP}`);
  }
  return value;
}

function checkHttpsUrl(name, value, problems) {
  const url = URL.canParse(value) ? new URL(value) : undefined;
  if (!url || url.protocol !== 'https:' || value.length > MAX_URL_CHARS) {
    problems.push(`${name} must be an absolute https URL of at most ${MAX_URL_CHARS} characters.`);
  }
  return value;
}

function checkDeveloperName(value, problems) {
  if (value.length > MAX_DEVELOPER_NAME_CHARS) {
    problems.push(
      `TEAMS_APP_DEVELOPER_NAME must be at most ${MAX_DEVELOPER_NAME_CHARS} characters.`,
    );
  }
  return value;
}

/** A variable's value, trimmed; empty counts as not set, as in .env.example. */
function setting(env, name) {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

/** Every token value, or a PackageError listing everything that is missing or malformed. */
function resolveTokens(env, version) {
  const problems = [];
  const values = {
    MicrosoftAppId: checkAppId(setting(env, 'MicrosoftAppId'), problems),
    WARDEN_VERSION: version,
    TEAMS_APP_DEVELOPER_NAME: checkDeveloperName(
      setting(env, 'TEAMS_APP_DEVELOPER_NAME') ?? 'Warden',
      problems,
    ),
  };

  const websiteUrl = setting(env, 'TEAMS_APP_WEBSITE_URL');
  if (!websiteUrl) {
    problems.push(
      'TEAMS_APP_WEBSITE_URL is not set. Set it to an https page where your users get help with ' +
        'Warden (an intranet or service-desk page); Teams shows it on the app details page.',
    );
  } else {
    for (const name of ['TEAMS_APP_WEBSITE_URL', 'TEAMS_APP_PRIVACY_URL', 'TEAMS_APP_TERMS_URL']) {
      values[name] = checkHttpsUrl(name, setting(env, name) ?? websiteUrl, problems);
    }
  }

  if (problems.length > 0) throw new PackageError(problems.join('\n'));
  return values;
}

/** Replaces tokens inside string values only, so no value can break the JSON around it. */
function fillTokens(node, values) {
  if (typeof node === 'string') {
    return node.replace(TOKEN, (_match, name) => {
      if (values[name] === undefined) {
        throw new PackageError(`appPackage/manifest.json uses \${{${name}}}, which has no value.`);
      }
      return values[name];
    });
  }
  if (Array.isArray(node)) return node.map((item) => fillTokens(item, values));
  if (node && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, fillTokens(v, values)]));
  }
  return node;
}

function buildPackage(values) {
  const template = JSON.parse(fs.readFileSync(path.join(APP_PACKAGE_DIR, 'manifest.json'), 'utf8'));
  const manifest = fillTokens(template, values);
  return createZip(
    PACKAGE_FILES.map((name) => ({
      name,
      data:
        name === 'manifest.json'
          ? Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8')
          : fs.readFileSync(path.join(APP_PACKAGE_DIR, name)),
    })),
  );
}

function main() {
  const { outPath } = parseArgs(process.argv.slice(2));
  const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const values = resolveTokens(readEnvironment(process.cwd(), process.env), version);

  const zip = buildPackage(values);
  fs.mkdirSync(path.dirname(outPath), { recursive: true });
  fs.writeFileSync(outPath, zip);
  const shownPath = path.relative(process.cwd(), outPath) || outPath;
  process.stdout.write(
    `Wrote ${shownPath} (Teams app ${values.MicrosoftAppId}, version ${version}). ` +
      'Upload it in Teams under Apps → Manage your apps → Upload an app, or in the Teams ' +
      'admin center under Teams apps → Manage apps → Upload new app.\n',
  );
}

try {
  main();
} catch (error) {
  if (!(error instanceof PackageError)) throw error;
  process.stderr.write(`package:teams: ${error.message.split('\n').join('\npackage:teams: ')}\n`);
  process.exitCode = 1;
}
