import { openHarness, aTurn, TENANT_A, TENANT_B, type Harness } from './harness';

describe('TurnRepository', () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await openHarness();
  });
  afterEach(() => harness.close());

  it('saves a turn and reads it back unchanged', async () => {
    const turn = aTurn('turn-1');
    await harness.turns.save(turn);
    expect(await harness.turns.get(TENANT_A, 'turn-1')).toEqual(turn);
  });

  it('returns the latest turns of a conversation, oldest first', async () => {
    for (let minute = 0; minute < 5; minute += 1) {
      const createdAt = `2025-01-10T08:0${minute}:00.000Z`;
      await harness.turns.save(aTurn(`turn-${minute}`, { createdAt }));
    }
    await harness.turns.save(aTurn('elsewhere', { conversationId: 'conv-other' }));
    const recent = await harness.turns.recent(TENANT_A, 'conv-incident', 3);
    expect(recent.map((turn) => turn.id)).toEqual(['turn-2', 'turn-3', 'turn-4']);
  });

  it('returns no turns for a limit below one', async () => {
    await harness.turns.save(aTurn('turn-1'));
    expect(await harness.turns.recent(TENANT_A, 'conv-incident', 0)).toEqual([]);
  });

  it('refuses a turn whose answer names another turn', async () => {
    const turn = aTurn('turn-1');
    turn.answer.turnId = 'turn-2';
    await expect(harness.turns.save(turn)).rejects.toMatchObject({ code: 'turn_invalid' });
  });

  it('treats an id the store could never hold as an unknown turn', async () => {
    expect(await harness.turns.get(TENANT_A, '../../etc/passwd')).toBeUndefined();
    await expect(harness.turns.require(TENANT_A, 'a/b')).rejects.toMatchObject({
      code: 'turn_not_found',
      status: 404,
    });
  });

  it('keeps turns of one tenant out of another tenant’s reads', async () => {
    await harness.turns.save(aTurn('turn-1'));
    expect(await harness.turns.get(TENANT_B, 'turn-1')).toBeUndefined();
    expect(await harness.turns.recent(TENANT_B, 'conv-incident', 10)).toEqual([]);
  });
});
