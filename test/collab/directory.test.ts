import { aConversation, openHarness, TENANT_A, TENANT_B, type Harness } from './harness';

describe('ConversationDirectory', () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await openHarness();
  });
  afterEach(() => harness.close());

  it('registers a conversation and finds it by its channel id', async () => {
    const reference = { serviceUrl: 'https://smba.example/emea/', conversation: { id: '19:x' } };
    await harness.directory.register({
      ...aConversation(TENANT_A, '19:abc@thread.tacv2', 'SOC'),
      reference,
    });
    expect(await harness.directory.get(TENANT_A, '19:abc@thread.tacv2')).toEqual({
      id: '19:abc@thread.tacv2',
      tenantId: TENANT_A,
      channel: 'teams',
      name: 'SOC',
      reference,
    });
  });

  it('keeps an earlier name and reference when a later event has none', async () => {
    await harness.directory.register({
      ...aConversation(TENANT_A, 'conv-1', 'inc-2041-phishing'),
      reference: { id: 'ref' },
    });
    await harness.directory.register({ id: 'conv-1', tenantId: TENANT_A, channel: 'teams' });
    expect(await harness.directory.get(TENANT_A, 'conv-1')).toMatchObject({
      name: 'inc-2041-phishing',
      reference: { id: 'ref' },
    });
  });

  it('accepts ids longer than a store key and with slashes', async () => {
    const id = `19:${'x'.repeat(300)}/thread?#`;
    await harness.directory.register(aConversation(TENANT_A, id, 'long'));
    expect((await harness.directory.get(TENANT_A, id))?.id).toBe(id);
  });

  it('lists a tenant’s conversations by name, optionally of one channel', async () => {
    await harness.directory.register(aConversation(TENANT_A, 'c2', 'soc-triage'));
    await harness.directory.register(aConversation(TENANT_A, 'c1', 'inc-2041', 'slack'));
    await harness.directory.register(aConversation(TENANT_A, 'c3', 'bridge'));
    await harness.directory.register(aConversation(TENANT_B, 'c9', 'other tenant'));
    const all = await harness.directory.list(TENANT_A);
    expect(all.map((c) => c.name)).toEqual(['bridge', 'inc-2041', 'soc-triage']);
    const teams = await harness.directory.list(TENANT_A, 'teams');
    expect(teams.map((c) => c.id)).toEqual(['c3', 'c2']);
  });

  it('marks a conversation uninstalled until Warden is added again', async () => {
    await harness.directory.register(aConversation(TENANT_A, 'conv-1', 'soc-triage'));
    await harness.directory.register({
      id: 'conv-1',
      tenantId: TENANT_A,
      channel: 'teams',
      uninstalled: true,
    });
    await harness.directory.register({ id: 'conv-1', tenantId: TENANT_A, channel: 'teams' });
    expect(await harness.directory.get(TENANT_A, 'conv-1')).toMatchObject({ uninstalled: true });

    await harness.directory.register({
      id: 'conv-1',
      tenantId: TENANT_A,
      channel: 'teams',
      uninstalled: false,
    });
    expect(await harness.directory.get(TENANT_A, 'conv-1')).not.toHaveProperty('uninstalled');
  });
});
