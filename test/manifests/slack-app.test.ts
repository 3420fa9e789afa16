import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { SLACK_BOT_SCOPES, SLACK_EVENTS_PATH } from '../../src/channels/slack';

const root = path.join(__dirname, '..', '..');
const readJson = (file: string) => JSON.parse(readFileSync(path.join(root, file), 'utf8'));

/** Where the root schema's `$ref`s point; the local copies are registered under them. */
const SCHEMA_BASE = 'https://raw.githubusercontent.com/slackapi/manifest-schema/v0.5.0/schemas';

/**
 * Slack's manifest schemas are draft-07, Ajv's default draft. The root schema picks the
 * version schema by `_metadata.major_version`; version 2 is not vendored, so its branch is a
 * schema that accepts nothing and only version 1 can match.
 */
function manifestValidator(): ValidateFunction {
  // strictTypes only warns that the schemas use `required` and `properties` without `type`,
  // which draft-07 allows; the rest of strict mode stays on.
  const ajv = new Ajv({ allErrors: true, strictTypes: false });
  addFormats(ajv);
  // The version-1 schema carries two keywords JSON Schema does not define: `_note` (a
  // comment) and `regex` (for `pattern`, on a colour). Declaring just these two keeps Ajv's
  // strict mode on for everything else.
  ajv.addKeyword('_note');
  ajv.addKeyword('regex');
  ajv.addSchema(
    readJson('test/fixtures/schemas/slack-manifest.schema.1.0.0.json'),
    `${SCHEMA_BASE}/manifest.schema.1.0.0.json`,
  );
  ajv.addSchema({ not: {} }, `${SCHEMA_BASE}/manifest.schema.2.0.0.json`);
  return ajv.compile(readJson('test/fixtures/schemas/slack-manifest.schema.json'));
}

describe('manifests/slack-app.json', () => {
  const validate = manifestValidator();
  const manifest = readJson('manifests/slack-app.json');

  it('is valid against Slack’s manifest schema', () => {
    const valid = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('fails the schema when broken', () => {
    const broken = structuredClone(manifest);
    delete broken.features.slash_commands[0].description;
    broken.features.bot_user.display_name = '';
    broken.settings.event_subscriptions.request_url = 'warden.example.com/api/slack/events';
    broken.features.home_page = true;

    expect(validate(broken)).toBe(false);
    const problems = (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
    expect(problems).toEqual(
      expect.arrayContaining([
        "/features/slash_commands/0 must have required property 'description'",
        '/features/bot_user/display_name must NOT have fewer than 1 characters',
        '/settings/event_subscriptions/request_url must match pattern "^https?:\\/\\/"',
        '/features must NOT have additional properties',
      ]),
    );
  });

  it('fails the schema without a display name', () => {
    const broken = structuredClone(manifest);
    delete broken.display_information;
    expect(validate(broken)).toBe(false);
  });

  it('asks for exactly the bot scopes the code uses', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...SLACK_BOT_SCOPES].sort());
  });

  it('sends events, interactivity and /warden to the one Slack route', () => {
    const urls = [
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
      manifest.features.slash_commands[0].url,
    ];
    for (const url of urls) expect(new URL(url).pathname).toBe(SLACK_EVENTS_PATH);
    expect(new URL(manifest.oauth_config.redirect_urls[0]).pathname).toBe(
      '/api/slack/oauth_redirect',
    );
    expect(manifest.features.slash_commands[0].command).toBe('/warden');
  });

  it('subscribes to the events Warden handles, with the assistant surface on', () => {
    expect(manifest.settings.event_subscriptions.bot_events).toEqual([
      'app_mention',
      'message.im',
      'assistant_thread_started',
      'assistant_thread_context_changed',
    ]);
    expect(manifest.features.assistant_view.assistant_description).toBeTruthy();
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
    expect(manifest.settings.org_deploy_enabled).toBe(false);
  });
});
