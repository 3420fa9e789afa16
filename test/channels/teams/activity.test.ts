import type { Activity } from 'botbuilder';
import {
  actorOf,
  mentionsBot,
  placeOf,
  referenceOf,
  tenantOf,
} from '../../../src/channels/teams/activity';
import { TEAMS_COMMANDS, parseCommand } from '../../../src/channels/teams/commands';
import { fileAttachments, questionText } from '../../../src/channels/teams/text';

const BOT = { id: '28:bot-app-id', name: 'Warden' };

function anActivity(overrides: Record<string, unknown> = {}): Partial<Activity> {
  return {
    type: 'message',
    id: '1700000000001',
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    channelId: 'msteams',
    from: { id: '29:user', name: 'Alex Kim', aadObjectId: 'aad-alex' },
    recipient: BOT,
    conversation: { id: '19:chan@thread.tacv2;messageid=1700000000000', tenantId: 'tenant-1' },
    channelData: { tenant: { id: 'tenant-1' } },
    ...overrides,
  } as Partial<Activity>;
}

const mentionOf = (text = '<at>Warden</at>', mentioned: object = BOT) => ({
  type: 'mention',
  mentioned,
  text,
});

describe('Teams activity reading', () => {
  it('takes the tenant from the conversation first, then from channel data', () => {
    const both = anActivity({
      conversation: { id: 'c', tenantId: 'from-conversation' },
      channelData: { tenant: { id: 'from-channel-data' } },
    });
    const dataOnly = anActivity({ conversation: { id: 'c' } });

    expect(tenantOf(both)).toBe('from-conversation');
    expect(tenantOf(dataOnly)).toBe('tenant-1');
    expect(tenantOf(anActivity({ conversation: { id: 'c' }, channelData: {} }))).toBeUndefined();
  });

  it('places a channel thread on the channel, with the root post as the thread', () => {
    const place = placeOf(anActivity({ channelData: { tenant: { id: 't' }, team: { id: 'T' } } }));

    expect(place).toEqual({
      tenantId: 'tenant-1',
      conversationId: '19:chan@thread.tacv2',
      kind: 'channel',
      threadId: '1700000000000',
      teamId: 'T',
    });
  });

  it('reads conversation types in any casing, and infers a missing one', () => {
    const kind = (conversation: object) =>
      placeOf(anActivity({ conversation: { tenantId: 't', ...conversation } }))?.kind;

    expect(kind({ id: '19:x@thread.v2', conversationType: 'GroupChat' })).toBe('groupChat');
    expect(kind({ id: '19:x@thread.tacv2', conversationType: 'Channel' })).toBe('channel');
    expect(kind({ id: '19:x@thread.v2', isGroup: true })).toBe('groupChat');
    expect(kind({ id: 'a:1personal' })).toBe('personal');
  });

  it('names a conversation from the channel, the conversation or the team, in that order', () => {
    const named = (channelData: object, conversation: object = {}) =>
      placeOf(
        anActivity({
          conversation: { id: '19:c@thread.tacv2', tenantId: 't', ...conversation },
          channelData: { tenant: { id: 't' }, ...channelData },
        }),
      )?.name;

    expect(named({ channel: { name: 'inc-2041-phishing' } }, { name: 'other' })).toBe(
      'inc-2041-phishing',
    );
    expect(named({ team: { name: 'SecOps' } }, { name: 'soc-triage' })).toBe('soc-triage');
    expect(named({ team: { name: 'SecOps' }, channel: { id: '19:c@thread.tacv2' } })).toBe(
      'SecOps',
    );
  });

  it('identifies people by Entra object id, and copes without a display name', () => {
    expect(actorOf(anActivity())).toEqual({ id: 'aad-alex', name: 'Alex Kim' });
    expect(actorOf(anActivity({ from: { id: '29:installer' } }))).toEqual({ id: '29:installer' });
  });

  it('knows a mention of the bot from a mention of someone else', () => {
    expect(mentionsBot(anActivity({ entities: [mentionOf()] }))).toBe(true);
    expect(mentionsBot(anActivity({ entities: [{ ...mentionOf(), type: 'Mention' }] }))).toBe(true);
    expect(
      mentionsBot(anActivity({ entities: [mentionOf('<at>Bob</at>', { id: '29:bob' })] })),
    ).toBe(false);
    expect(mentionsBot(anActivity({ entities: [{ type: 'mention' }] }))).toBe(false);
  });

  it('keeps a reference to the channel itself, not to the message or its sender', () => {
    const activity = anActivity();
    const place = placeOf(activity);
    if (!place) throw new Error('the activity has a tenant');
    const reference = referenceOf(activity, place);

    expect(reference).toMatchObject({
      serviceUrl: 'https://smba.trafficmanager.net/emea/',
      channelId: 'msteams',
      bot: BOT,
      conversation: { id: '19:chan@thread.tacv2', tenantId: 'tenant-1' },
    });
    expect(reference).not.toHaveProperty('activityId');
    expect(reference).not.toHaveProperty('user');
  });
});

describe('Teams question text', () => {
  it('removes the bot’s mention through its entity and keeps other people as names', () => {
    const activity = anActivity({
      text: '<at>Warden</at> what did <at>Bob Lee</at> sign in from?',
      entities: [mentionOf(), mentionOf('<at>Bob Lee</at>', { id: '29:bob', name: 'Bob Lee' })],
    });

    expect(questionText(activity)).toBe('what did Bob Lee sign in from?');
  });

  it('removes the bot’s mention when the entity text and the message text disagree', () => {
    const activity = anActivity({
      text: '<at>Warden</at> show open incidents',
      entities: [mentionOf('<at>@Warden</at>')],
    });

    expect(questionText(activity)).toBe('show open incidents');
  });

  it('decodes entities and drops formatting tags', () => {
    const activity = anActivity({
      text: '<p>is <b>evil.example</b>&nbsp;safe &amp; what&#39;s next?</p>',
    });

    expect(questionText(activity)).toBe("is evil.example safe & what's next?");
  });

  it('reads the HTML attachment when the text is missing', () => {
    const activity = anActivity({
      text: undefined,
      entities: [mentionOf()],
      attachments: [
        {
          contentType: 'text/html',
          content:
            '<div><span itemscope="" itemtype="http://schema.skype.com/Mention" itemid="0">' +
            'Warden</span>&nbsp;check CVE-2024-3400</div>',
        },
      ],
    });

    expect(questionText(activity)).toBe('check CVE-2024-3400');
  });

  it('tolerates mention entities without a mentioned account', () => {
    const activity = anActivity({ text: '<at>Warden</at> hi', entities: [{ type: 'mention' }] });

    expect(questionText(activity)).toBe('hi');
  });

  it('lists file attachments by name, leaving out the HTML copy and cards', () => {
    const activity = anActivity({
      attachments: [
        { contentType: 'text/html', content: '<p>x</p>' },
        { contentType: 'application/vnd.microsoft.card.adaptive', content: {} },
        { contentType: 'application/vnd.microsoft.teams.file.download.info', name: 'mail.eml' },
      ],
    });

    expect(fileAttachments(activity)).toEqual([
      { name: 'mail.eml', contentType: 'application/vnd.microsoft.teams.file.download.info' },
    ]);
  });
});

describe('Teams commands', () => {
  it('lists exactly the commands that work', () => {
    expect(TEAMS_COMMANDS.map((command) => command.title)).toEqual(['help', 'pins']);
    for (const command of TEAMS_COMMANDS) {
      expect(command.title.length).toBeLessThanOrEqual(32);
      expect(command.description.length).toBeLessThanOrEqual(128);
    }
  });

  it('recognises a command word alone, in any casing, and nothing longer', () => {
    expect(parseCommand('help')).toBe('help');
    expect(parseCommand(' Pins. ')).toBe('pins');
    expect(parseCommand('/help')).toBe('help');
    expect(parseCommand('help me with incident 2041')).toBeUndefined();
    expect(parseCommand('run phishing-triage')).toBeUndefined();
  });
});
