import { validateAdaptiveCard } from '../../../src/cards';
import {
  IDS,
  cardAction,
  cardOf,
  channelMention,
  fixture,
  postActivity,
  turnIdOf,
} from './activities';
import { type TeamsTestWarden, startTeamsWarden } from './harness';

describe('Teams installations', () => {
  let app: TeamsTestWarden;
  const serviceUrl = () => app.connector.url;
  const send = (name: string) => postActivity(app.url, fixture(name, serviceUrl()));

  beforeEach(async () => {
    app = await startTeamsWarden();
  });
  afterEach(() => app.close());

  it('welcomes a channel on install to a team, without the installer’s name', async () => {
    const { status } = await send('installationUpdate.add-team');

    expect(status).toBe(200);
    const [welcome] = app.connector.messages();
    expect(welcome.conversationId).toBe(IDS.socChannel);
    const card = cardOf(welcome.activity);
    expect(validateAdaptiveCard(card)).toEqual([]);
    expect(JSON.stringify(card)).toMatch(/Hi, I'm Warden/);
    expect(JSON.stringify(card)).toMatch(/Mention \*\*@Warden\*\*/);
    expect(await app.warden.directory.get(IDS.tenant, IDS.socChannel)).toMatchObject({
      name: 'soc-triage',
      reference: { conversation: { id: IDS.socChannel }, teamId: IDS.team },
    });
  });

  it('welcomes a team added through conversationUpdate, named after the team', async () => {
    await send('conversationUpdate.bot-added-to-team');

    const [welcome] = app.connector.messages();
    expect(welcome.conversationId).toBe(IDS.team);
    expect(JSON.stringify(cardOf(welcome.activity))).toMatch(/Hi, I'm Warden/);
    expect((await app.warden.directory.get(IDS.tenant, IDS.team))?.name).toBe(
      'Contoso Security Operations',
    );
  });

  it('welcomes a personal chat with personal wording, and a group chat', async () => {
    await send('conversationUpdate.bot-added-personal');
    await send('conversationUpdate.bot-added-group-chat');

    const [personal, group] = app.connector.messages();
    expect(personal.conversationId).toBe(IDS.priyaChat);
    expect(JSON.stringify(cardOf(personal.activity))).toMatch(/right here/);
    expect(group.conversationId).toBe(IDS.groupChat);
    expect(validateAdaptiveCard(cardOf(group.activity))).toEqual([]);
  });

  it('welcomes once when Teams reports the same install twice', async () => {
    await send('conversationUpdate.bot-added-personal');
    const again = fixture('installationUpdate.add-team', serviceUrl());
    again.conversation = { conversationType: 'personal', tenantId: IDS.tenant, id: IDS.priyaChat };
    again.channelData = { tenant: { id: IDS.tenant } };
    await postActivity(app.url, again);

    expect(app.connector.messages()).toHaveLength(1);
  });

  it('stops offering a team’s channels for sharing once Warden is removed from it', async () => {
    app.connector.teams.set(IDS.team, [{ id: IDS.incidentChannel, name: 'inc-2041-phishing' }]);
    await send('installationUpdate.add-team');
    await send('conversationUpdate.bot-added-group-chat');
    await postActivity(app.url, channelMention(serviceUrl()));
    const turnId = turnIdOf(cardOf(app.connector.messages().at(-1)?.activity));
    app.connector.reset();

    await send('installationUpdate.remove-team');
    const { body } = await postActivity(app.url, cardAction(serviceUrl(), 'share.open', turnId));

    expect(app.connector.calls).toEqual([]);
    expect(await app.warden.directory.get(IDS.tenant, IDS.socChannel)).toMatchObject({
      uninstalled: true,
      reference: { conversation: { id: IDS.socChannel } },
    });
    expect(await app.warden.directory.get(IDS.tenant, IDS.incidentChannel)).toMatchObject({
      uninstalled: true,
    });
    const form = JSON.stringify(body.value);
    expect(form).not.toContain(IDS.socChannel);
    expect(form).toContain(IDS.groupChat);
  });

  it('offers a conversation again, with a new welcome, when Warden is added back', async () => {
    await send('installationUpdate.add-team');
    await send('installationUpdate.remove-team');
    app.connector.reset();

    await send('installationUpdate.add-team');

    expect(app.connector.messages()).toHaveLength(1);
    expect(await app.warden.directory.get(IDS.tenant, IDS.socChannel)).not.toHaveProperty(
      'uninstalled',
    );
  });

  it('renames a known channel on channelRenamed, which arrives through General', async () => {
    app.connector.teams.set(IDS.team, [{ id: IDS.incidentChannel, name: 'inc-2041-phishing' }]);
    await send('conversationUpdate.bot-added-to-team');
    await postActivity(app.url, channelMention(serviceUrl()));
    const renamed = fixture('conversationUpdate.bot-added-to-team', serviceUrl());
    delete renamed.membersAdded;
    renamed.channelData.eventType = 'channelRenamed';
    renamed.channelData.channel = { id: IDS.incidentChannel, name: 'inc-2041-phishing-closed' };

    await postActivity(app.url, renamed);

    const channel = await app.warden.directory.get(IDS.tenant, IDS.incidentChannel);
    const general = await app.warden.directory.get(IDS.tenant, IDS.team);
    expect(channel?.name).toBe('inc-2041-phishing-closed');
    expect(general?.name).toBe('Contoso Security Operations');
  });

  it('ignores an event without a tenant and still answers 200', async () => {
    const event = fixture('conversationUpdate.bot-added-group-chat', serviceUrl());
    delete event.conversation.tenantId;
    delete event.channelData;

    const { status } = await postActivity(app.url, event);

    expect(status).toBe(200);
    expect(app.connector.calls).toEqual([]);
    expect(app.logs.some((line) => line.msg === 'event without a tenant id ignored')).toBe(true);
  });
});
