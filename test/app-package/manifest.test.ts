import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ValidateFunction } from 'ajv';
import { TEAMS_COMMANDS } from '../../src/channels/teams/commands';
import { APP_ID, APP_PACKAGE_DIR, ROOT, WEBSITE_URL, packagedManifest } from './package-script';
import {
  compileTeamsSchema,
  describeErrors,
  draft04OnlyKeywords,
  loadTeamsSchema,
} from './teams-schema';

interface Command {
  title: string;
  description: string;
}

interface Bot {
  botId: string;
  scopes: string[];
  supportsFiles: boolean;
  isNotificationOnly: boolean;
  commandLists: { scopes: string[]; commands: Command[] }[];
}

function template(): Record<string, any> {
  return JSON.parse(readFileSync(path.join(APP_PACKAGE_DIR, 'manifest.json'), 'utf8'));
}

describe('the Teams manifest schema fixture', () => {
  it('uses no draft-04 keyword that Ajv draft-07 would read differently', () => {
    const schema = loadTeamsSchema();

    expect(schema.$schema).toBe('http://json-schema.org/draft-04/schema#');
    expect(draft04OnlyKeywords(schema)).toEqual([]);
  });

  it('notices a draft-04-only keyword when there is one', () => {
    const schema = { properties: { id: { type: 'string' }, n: { exclusiveMinimum: true } } };

    expect(draft04OnlyKeywords({ id: 'urn:x', ...schema })).toEqual([
      '#/id',
      '#/properties/n/exclusiveMinimum',
    ]);
  });
});

describe('appPackage/manifest.json', () => {
  let validate: ValidateFunction;
  let manifest: Record<string, any>;

  beforeAll(() => {
    validate = compileTeamsSchema();
    manifest = packagedManifest();
  });

  it('declares Teams manifest schema 1.22', () => {
    expect(manifest.$schema).toBe(
      'https://developer.microsoft.com/en-us/json-schemas/teams/v1.22/MicrosoftTeams.schema.json',
    );
    expect(manifest.manifestVersion).toBe('1.22');
  });

  it('validates against the official schema once package:teams filled it in', () => {
    const valid = validate(manifest);

    expect(describeErrors(validate.errors)).toEqual([]);
    expect(valid).toBe(true);
  });

  it('fails validation with a malformed bot id, a bad colour and no developer', () => {
    const broken: Record<string, unknown> = {
      ...manifest,
      accentColor: 'navy',
      bots: [{ ...manifest.bots[0], botId: 'not-a-guid' }],
    };
    delete broken.developer;

    expect(validate(broken)).toBe(false);
    expect(describeErrors(validate.errors)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\/ must have required property 'developer'/),
        expect.stringMatching(/^\/accentColor must match pattern/),
        expect.stringMatching(/^\/bots\/0\/botId must match pattern/),
      ]),
    );
  });

  it('leaves the app id and bot id as tokens for package:teams to fill', () => {
    const raw = template();

    expect(raw.id).toBe('${{MicrosoftAppId}}');
    expect(raw.bots[0].botId).toBe('${{MicrosoftAppId}}');
    expect(validate(raw)).toBe(false);
  });

  it('carries the filled-in app id, version and developer website', () => {
    const version = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;

    expect(manifest.id).toBe(APP_ID);
    expect(manifest.bots[0].botId).toBe(APP_ID);
    expect(manifest.version).toBe(version);
    expect(manifest.developer).toEqual({
      name: 'Warden',
      websiteUrl: WEBSITE_URL,
      privacyUrl: WEBSITE_URL,
      termsOfUseUrl: WEBSITE_URL,
    });
  });

  it('names Warden and says it answers security questions and keeps data in the tenant', () => {
    expect(manifest.name.short).toBe('Warden');
    expect(manifest.description.short).toMatch(/security copilot/i);
    expect(manifest.description.full).toMatch(/security questions only/);
    expect(manifest.description.full).toMatch(/your data stays in your tenant/);
  });

  it('offers a conversational bot in personal, team and group chat scopes, without files', () => {
    const [bot] = manifest.bots as Bot[];

    expect(manifest.bots).toHaveLength(1);
    expect([...bot.scopes].sort()).toEqual(['groupChat', 'personal', 'team']);
    expect(bot.supportsFiles).toBe(false);
    expect(bot.isNotificationOnly).toBe(false);
  });

  it('lists exactly the working commands, help and pins, in one command list per scope', () => {
    const [bot] = manifest.bots as Bot[];

    expect(bot.commandLists.map((list) => list.scopes)).toEqual([
      ['personal'],
      ['team'],
      ['groupChat'],
    ]);
    for (const list of bot.commandLists) {
      expect(list.commands.map((command) => command.title)).toEqual(['help', 'pins']);
    }
  });

  it('lists the same commands, with the same descriptions, as the Teams adapter answers', () => {
    const [bot] = manifest.bots as Bot[];

    for (const list of bot.commandLists) expect(list.commands).toEqual(TEAMS_COMMANDS);
  });

  it('asks for no web domains and no single sign-on', () => {
    expect(manifest.validDomains).toEqual([]);
    expect(manifest.webApplicationInfo).toBeUndefined();
  });

  it('points at icons that are in appPackage/', () => {
    for (const file of [manifest.icons.color, manifest.icons.outline]) {
      expect(existsSync(path.join(APP_PACKAGE_DIR, file))).toBe(true);
    }
  });
});
