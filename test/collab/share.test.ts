import { renderAnswerCard, validateAdaptiveCard } from '../../src/cards';
import {
  aConversation,
  alex,
  aTurn,
  openHarness,
  priya,
  seedTenantA,
  TENANT_A,
  type Harness,
} from './harness';

describe('ShareService', () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await openHarness();
    await seedTenantA(harness, 'turn-1');
  });
  afterEach(() => harness.close());

  it('offers the tenant’s other conversations on the same channel', async () => {
    await harness.directory.register(aConversation(TENANT_A, 'slack-c1', 'sec', 'slack'));
    expect(await harness.share.targets(TENANT_A, 'conv-incident')).toEqual([
      { id: 'conv-soc', name: 'soc-triage' },
    ]);
  });

  it('creates an attributed turn in the target conversation', async () => {
    const { turn, target } = await harness.share.share(TENANT_A, 'turn-1', 'conv-soc', priya);
    expect(target).toMatchObject({ id: 'conv-soc', name: 'soc-triage', channel: 'teams' });
    expect(turn.id).not.toBe('turn-1');
    expect(turn).toMatchObject({
      tenantId: TENANT_A,
      conversationId: 'conv-soc',
      conversationName: 'soc-triage',
      user: priya,
      question: 'Show risky sign-ins for bob this week',
    });
    expect(turn.answer).toMatchObject({
      turnId: turn.id,
      title: 'Risky sign-ins for Bob Lee',
      sharedFrom: { by: 'Priya Nair', conversationName: 'inc-2041-phishing', at: turn.createdAt },
    });
    expect(await harness.turns.get(TENANT_A, turn.id)).toEqual(turn);
    const card = renderAnswerCard(turn.answer);
    expect(validateAdaptiveCard(card)).toEqual([]);
    expect(JSON.stringify(card)).toContain('Shared by Priya Nair from #inc-2041-phishing');
  });

  it('leaves the original answer as it was', async () => {
    await harness.share.share(TENANT_A, 'turn-1', 'conv-soc', priya);
    expect(await harness.turns.get(TENANT_A, 'turn-1')).toEqual(aTurn('turn-1'));
  });

  it('writes an audit record for the share', async () => {
    const { turn } = await harness.share.share(TENANT_A, 'turn-1', 'conv-soc', alex);
    const [entry] = await harness.audit.recent(TENANT_A);
    expect(entry).toMatchObject({
      action: 'share',
      actor: alex,
      target: 'turn-1',
      detail: { targetConversationId: 'conv-soc', sharedTurnId: turn.id },
    });
  });

  it.each([
    ['an unknown target', 'conv-nowhere', 'share_target_not_found'],
    ['the answer’s own conversation', 'conv-incident', 'share_same_conversation'],
  ])('refuses %s', async (_name, targetId, code) => {
    await expect(harness.share.share(TENANT_A, 'turn-1', targetId, alex)).rejects.toMatchObject({
      code,
    });
    expect(await harness.store.query('conversations', TENANT_A)).toHaveLength(1);
  });

  it('refuses a target on another channel', async () => {
    await harness.directory.register(aConversation(TENANT_A, 'slack-c1', 'sec', 'slack'));
    await expect(harness.share.share(TENANT_A, 'turn-1', 'slack-c1', alex)).rejects.toMatchObject({
      code: 'share_other_channel',
    });
  });

  it('refuses to share an error answer', async () => {
    await harness.turns.save(aTurn('turn-e', {}, { kind: 'error', correlationId: 'c-1' }));
    await expect(harness.share.share(TENANT_A, 'turn-e', 'conv-soc', alex)).rejects.toMatchObject({
      code: 'share_not_answer',
    });
  });

  it('neither offers nor posts to a conversation Warden was removed from', async () => {
    await harness.directory.register({
      id: 'conv-soc',
      tenantId: TENANT_A,
      channel: 'teams',
      uninstalled: true,
    });

    expect(await harness.share.targets(TENANT_A, 'conv-incident')).toEqual([]);
    await expect(harness.share.share(TENANT_A, 'turn-1', 'conv-soc', alex)).rejects.toMatchObject({
      code: 'share_target_uninstalled',
    });
  });
});
