import type { CardActionVerb } from '../../src/core/actions';
import { NotFoundError } from '../../src/core/errors';
import {
  aConversation,
  alex,
  anAction,
  openHarness,
  seedTenantA,
  TENANT_A,
  TENANT_B,
  type Harness,
} from './harness';

/** Eve works for tenant B and knows (or guesses) tenant A's ids. */
const eve = { id: 'aad-eve', name: 'Eve' };
const evesRoom = aConversation(TENANT_B, 'conv-b', 'b-room');

describe('tenant isolation of collaboration services', () => {
  let harness: Harness;
  let snapshotOfA: () => Promise<unknown>;

  beforeEach(async () => {
    harness = await openHarness();
    await seedTenantA(harness, 'turn-1');
    await harness.pins.pin(TENANT_A, 'turn-1', alex, 'conv-incident');
    await harness.feedback.record({
      tenantId: TENANT_A,
      turnId: 'turn-1',
      actor: alex,
      rating: 'down',
      reasons: ['unclear'],
      comment: 'private note of tenant A',
    });
    await harness.directory.register(evesRoom);
    snapshotOfA = async () => {
      const containers = ['conversations', 'pins', 'feedback', 'installations', 'audit'] as const;
      return Promise.all(containers.map((c) => harness.store.query(c, TENANT_A)));
    };
  });
  afterEach(() => harness.close());

  async function expectNotFound(promise: Promise<unknown>, code: string): Promise<void> {
    await expect(promise).rejects.toBeInstanceOf(NotFoundError);
    await expect(promise).rejects.toMatchObject({ code });
  }

  it('does not show tenant A’s turns, conversations, pins or feedback to tenant B', async () => {
    expect(await harness.turns.get(TENANT_B, 'turn-1')).toBeUndefined();
    expect(await harness.turns.recent(TENANT_B, 'conv-incident', 10)).toEqual([]);
    expect(await harness.directory.get(TENANT_B, 'conv-incident')).toBeUndefined();
    expect((await harness.directory.list(TENANT_B)).map((c) => c.id)).toEqual(['conv-b']);
    expect(await harness.pins.board(TENANT_B, 'conv-incident')).toEqual([]);
    expect(await harness.pins.pinState(TENANT_B, 'turn-1')).toBeUndefined();
    expect(await harness.feedback.recent(TENANT_B)).toEqual([]);
    expect(await harness.audit.recent(TENANT_B)).toEqual([]);
  });

  it('does not let tenant B pin, unpin or rate tenant A’s answer', async () => {
    const before = await snapshotOfA();
    await expectNotFound(
      harness.pins.pin(TENANT_B, 'turn-1', eve, 'conv-incident'),
      'turn_not_found',
    );
    await expectNotFound(
      harness.pins.unpin(TENANT_B, 'turn-1', eve, 'conv-incident'),
      'turn_not_found',
    );
    await expectNotFound(
      harness.feedback.record({ tenantId: TENANT_B, turnId: 'turn-1', actor: eve, rating: 'up' }),
      'turn_not_found',
    );
    expect(await snapshotOfA()).toEqual(before);
  });

  it('does not offer or accept tenant A’s conversations as tenant B’s targets', async () => {
    await harness.directory.register(aConversation(TENANT_B, 'conv-b2', 'b-other'));
    expect(await harness.share.targets(TENANT_B, 'conv-b')).toEqual([
      { id: 'conv-b2', name: 'b-other' },
    ]);
    const before = await snapshotOfA();
    await expectNotFound(harness.share.share(TENANT_B, 'turn-1', 'conv-b', eve), 'turn_not_found');
    expect(await snapshotOfA()).toEqual(before);
  });

  it('does not let tenant A share into tenant B’s conversation', async () => {
    await expectNotFound(
      harness.share.share(TENANT_A, 'turn-1', 'conv-b', alex),
      'share_target_not_found',
    );
    expect(await harness.store.query('conversations', TENANT_B)).toEqual([]);
  });

  it.each([
    'pin',
    'unpin',
    'feedback.up',
    'feedback.down',
    'feedback.submit',
    'share.open',
    'share.submit',
  ])(
    'answers not found to a %s card action from tenant B naming tenant A’s answer',
    async (verb) => {
      const before = await snapshotOfA();
      const action = anAction(verb as CardActionVerb, 'turn-1', {
        tenantId: TENANT_B,
        conversation: evesRoom,
        actor: eve,
        inputs: { reasons: 'incorrect', target: 'conv-soc' },
      });
      await expectNotFound(harness.actions.handle(action), 'turn_not_found');
      expect(await snapshotOfA()).toEqual(before);
    },
  );

  it('refuses a card action whose conversation belongs to another tenant', async () => {
    const action = anAction('pin', 'turn-1', {
      tenantId: TENANT_B,
      conversation: aConversation(TENANT_A, 'conv-incident', 'x'),
    });
    await expect(harness.actions.handle(action)).rejects.toMatchObject({
      code: 'card_action_tenant_mismatch',
      status: 403,
    });
  });
});
