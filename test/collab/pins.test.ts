import { renderPinBoardCard, validateAdaptiveCard } from '../../src/cards';
import { ForbiddenError } from '../../src/core/errors';
import { alex, aTurn, openHarness, priya, seedTenantA, TENANT_A, type Harness } from './harness';

describe('PinService', () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await openHarness();
    await seedTenantA(harness, 'turn-1');
    await harness.turns.save(aTurn('turn-2', {}, { title: 'Incident 2041' }));
    await harness.turns.save(aTurn('turn-3', {}, { title: 'Log4Shell' }));
  });
  afterEach(() => harness.close());

  it('pins an answer and says who pinned it and when', async () => {
    const pin = await harness.pins.pin(TENANT_A, 'turn-1', alex, 'conv-incident');
    expect(pin).toMatchObject({ turnId: 'turn-1', pinnedBy: alex, demoData: true });
    expect(await harness.pins.pinState(TENANT_A, 'turn-1')).toEqual({
      by: 'Alex Kim',
      at: pin.pinnedAt,
    });
  });

  it('shows the board newest first with titles and summaries', async () => {
    await harness.pins.pin(TENANT_A, 'turn-2', alex, 'conv-incident');
    await harness.pins.pin(TENANT_A, 'turn-1', priya, 'conv-incident');
    await harness.pins.pin(TENANT_A, 'turn-3', alex, 'conv-incident');
    const board = await harness.pins.board(TENANT_A, 'conv-incident');
    expect(board.map((pin) => pin.title)).toEqual([
      'Log4Shell',
      'Risky sign-ins for Bob Lee',
      'Incident 2041',
    ]);
    expect(board[1]).toMatchObject({
      pinnedBy: priya,
      conversationName: 'inc-2041-phishing',
      summary: expect.stringContaining('3 times'),
    });
  });

  it('draws its board as a valid card', async () => {
    await harness.pins.pin(TENANT_A, 'turn-2', alex, 'conv-incident');
    const board = await harness.pins.board(TENANT_A, 'conv-incident');
    const card = renderPinBoardCard(board, 'inc-2041-phishing');
    expect(validateAdaptiveCard(card)).toEqual([]);
    expect(JSON.stringify(card)).toContain('Pinned by Alex Kim');
  });

  it('unpins an answer and takes it off the board', async () => {
    await harness.pins.pin(TENANT_A, 'turn-1', alex, 'conv-incident');
    expect(await harness.pins.unpin(TENANT_A, 'turn-1', priya, 'conv-incident')).toBe(true);
    expect(await harness.pins.pinState(TENANT_A, 'turn-1')).toBeUndefined();
    expect(await harness.pins.board(TENANT_A, 'conv-incident')).toEqual([]);
    expect(await harness.pins.unpin(TENANT_A, 'turn-1', priya, 'conv-incident')).toBe(false);
  });

  it('keeps the first pin when an answer is pinned twice', async () => {
    const first = await harness.pins.pin(TENANT_A, 'turn-1', alex, 'conv-incident');
    const second = await harness.pins.pin(TENANT_A, 'turn-1', priya, 'conv-incident');
    expect(second).toEqual(first);
    expect(await harness.pins.board(TENANT_A, 'conv-incident')).toHaveLength(1);
  });

  it('writes an audit record for each pin and unpin', async () => {
    await harness.pins.pin(TENANT_A, 'turn-1', alex, 'conv-incident');
    await harness.pins.unpin(TENANT_A, 'turn-1', priya, 'conv-incident');
    const audit = await harness.audit.recent(TENANT_A);
    expect(audit.map(({ action, actor, target }) => ({ action, actor, target }))).toEqual([
      { action: 'unpin', actor: priya, target: 'turn-1' },
      { action: 'pin', actor: alex, target: 'turn-1' },
    ]);
    expect(audit[0]?.detail).toEqual({ conversationId: 'conv-incident' });
  });

  it('refuses a pin of an answer from another conversation', async () => {
    const pinning = harness.pins.pin(TENANT_A, 'turn-1', alex, 'conv-soc');
    await expect(pinning).rejects.toBeInstanceOf(ForbiddenError);
    await expect(pinning).rejects.toMatchObject({ code: 'turn_in_other_conversation' });
    expect(await harness.pins.pinState(TENANT_A, 'turn-1')).toBeUndefined();
  });

  it('refuses to pin a refusal', async () => {
    await harness.turns.save(aTurn('turn-r', {}, { kind: 'refusal' }));
    await expect(harness.pins.pin(TENANT_A, 'turn-r', alex, 'conv-incident')).rejects.toMatchObject(
      { code: 'pin_not_answer' },
    );
  });

  it('answers not found for an unknown turn', async () => {
    await expect(harness.pins.pin(TENANT_A, 'nope', alex, 'conv-incident')).rejects.toMatchObject({
      code: 'turn_not_found',
    });
  });
});
