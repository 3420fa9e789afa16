import {
  FEEDBACK_COMMENT_MAX_CHARS as CARD_COMMENT_MAX_CHARS,
  renderAnswerCard,
  validateAdaptiveCard,
} from '../../src/cards';
import {
  FEEDBACK_COMMENT_MAX_CHARS as SERVICE_COMMENT_MAX_CHARS,
  FEEDBACK_SAVED_NOTICE,
} from '../../src/collab';
import { CARD_ACTION_VERBS, type CardActionVerb } from '../../src/core/actions';
import { ForbiddenError, NotFoundError, ValidationError } from '../../src/core/errors';
import {
  aConversation,
  anAction,
  aTurn,
  openHarness,
  priya,
  seedTenantA,
  TENANT_A,
  type Harness,
} from './harness';

describe('CardActionHandler', () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await openHarness();
    await seedTenantA(harness, 'turn-1');
  });
  afterEach(() => harness.close());

  const handle = (verb: CardActionVerb, inputs: Record<string, string> = {}) =>
    harness.actions.handle(anAction(verb, 'turn-1', { inputs }));

  it('pins and returns the answer with the pin shown', async () => {
    const result = await handle('pin');
    expect(result.answer.turnId).toBe('turn-1');
    expect(result.view).toMatchObject({ mode: 'answer', pinned: { by: 'Alex Kim' } });
    expect(await harness.pins.pinState(TENANT_A, 'turn-1')).toBeDefined();
  });

  it('unpins and returns the answer without a pin', async () => {
    await handle('pin');
    const result = await handle('unpin');
    expect(result.view.pinned).toBeUndefined();
    expect(await harness.pins.board(TENANT_A, 'conv-incident')).toEqual([]);
  });

  it('records a thumbs-up and thanks the user', async () => {
    const { view } = await handle('feedback.up');
    expect(view).toMatchObject({ mode: 'answer', notice: FEEDBACK_SAVED_NOTICE });
    expect(view.feedback).toEqual({ rating: 'up', by: 'Alex Kim' });
    expect((await harness.feedback.recent(TENANT_A))[0]?.rating).toBe('up');
  });

  it('opens the feedback form on thumbs-down without storing anything yet', async () => {
    const { view } = await handle('feedback.down');
    expect(view.mode).toBe('feedback-form');
    expect(await harness.feedback.recent(TENANT_A)).toEqual([]);
  });

  it('stores the submitted reasons and comment and thanks the user', async () => {
    const { view } = await handle('feedback.submit', {
      reasons: 'incorrect,unclear',
      comment: 'The IP belongs to our VPN provider.',
    });
    expect(view).toMatchObject({ mode: 'answer', notice: FEEDBACK_SAVED_NOTICE });
    const [stored] = await harness.feedback.recent(TENANT_A);
    expect(stored).toMatchObject({
      rating: 'down',
      reasons: ['incorrect', 'unclear'],
      comment: 'The IP belongs to our VPN provider.',
    });
  });

  it('keeps the form data out of the store when the submission is invalid', async () => {
    await expect(handle('feedback.submit', { reasons: 'wrong' })).rejects.toMatchObject({
      code: 'feedback_reason_invalid',
    });
    expect(await harness.feedback.recent(TENANT_A)).toEqual([]);
  });

  it('goes back to the answer on cancel, keeping the pin shown', async () => {
    await handle('pin');
    for (const verb of ['feedback.cancel', 'share.cancel'] as const) {
      const { view } = await handle(verb);
      expect(view).toEqual({ mode: 'answer', pinned: expect.objectContaining({ by: 'Alex Kim' }) });
    }
  });

  it('opens the share form with the other conversations', async () => {
    const { view } = await handle('share.open');
    expect(view).toEqual({
      mode: 'share-form',
      shareTargets: [{ id: 'conv-soc', name: 'soc-triage' }],
    });
    expect(validateAdaptiveCard(renderAnswerCard(aTurn('turn-1').answer, view))).toEqual([]);
  });

  it('shares to the chosen conversation and says where', async () => {
    const result = await harness.actions.handle(
      anAction('share.submit', 'turn-1', { actor: priya, inputs: { target: 'conv-soc' } }),
    );
    expect(result.view.notice).toBe('Shared to soc-triage.');
    expect(result.shared?.target).toMatchObject({ id: 'conv-soc', channel: 'teams' });
    expect(result.shared?.turn.answer.sharedFrom?.by).toBe('Priya Nair');
    expect(await harness.turns.recent(TENANT_A, 'conv-soc', 5)).toHaveLength(1);
  });

  it('asks for a target when the share form came back empty', async () => {
    await expect(handle('share.submit', { target: ' ' })).rejects.toMatchObject({
      code: 'share_target_missing',
    });
  });

  it('refuses an unknown verb', async () => {
    const action = anAction('pin', 'turn-1', { verb: 'delete' as CardActionVerb });
    const handling = harness.actions.handle(action);
    await expect(handling).rejects.toBeInstanceOf(ValidationError);
    await expect(handling).rejects.toMatchObject({ code: 'card_action_unknown' });
  });

  it('refuses an action on an unknown turn', async () => {
    const handling = harness.actions.handle(anAction('pin', 'turn-404'));
    await expect(handling).rejects.toBeInstanceOf(NotFoundError);
    await expect(handling).rejects.toMatchObject({ code: 'turn_not_found' });
  });

  it.each(CARD_ACTION_VERBS)('refuses %s on a turn of another conversation', async (verb) => {
    const conversation = aConversation(TENANT_A, 'conv-soc', 'soc-triage');
    const inputs = { reasons: 'incorrect', target: 'conv-incident' };
    const handling = harness.actions.handle(anAction(verb, 'turn-1', { conversation, inputs }));
    await expect(handling).rejects.toBeInstanceOf(ForbiddenError);
    await expect(handling).rejects.toMatchObject({ code: 'turn_in_other_conversation' });
    expect(await harness.pins.pinState(TENANT_A, 'turn-1')).toBeUndefined();
  });

  it('refuses buttons an answer of that kind never shows', async () => {
    await harness.turns.save(aTurn('turn-e', {}, { kind: 'error', correlationId: 'c-1' }));
    await harness.turns.save(aTurn('turn-r', {}, { kind: 'refusal' }));
    for (const [turnId, verb] of [
      ['turn-e', 'feedback.up'],
      ['turn-r', 'pin'],
      ['turn-r', 'share.open'],
    ] as const) {
      await expect(harness.actions.handle(anAction(verb, turnId))).rejects.toMatchObject({
        code: 'card_action_not_offered',
      });
    }
    await expect(harness.actions.handle(anAction('feedback.up', 'turn-r'))).resolves.toBeDefined();
  });
});

describe('CardActionHandler and the answer card', () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await openHarness();
    await seedTenantA(harness, 'turn-1');
  });
  afterEach(() => harness.close());

  it('agree on the longest feedback comment', () => {
    expect(CARD_COMMENT_MAX_CHARS).toBe(SERVICE_COMMENT_MAX_CHARS);
  });

  it.each(['answer', 'refusal', 'clarification', 'error'] as const)(
    'accept every button the card draws on a %s, and refuse the rest',
    async (kind) => {
      const turn = aTurn(`turn-${kind}`, {}, { kind, correlationId: 'c-1' });
      await harness.turns.save(turn);
      const views = [
        { mode: 'answer' as const },
        { mode: 'answer' as const, pinned: { by: 'Alex Kim', at: turn.createdAt } },
        { mode: 'feedback-form' as const },
        { mode: 'share-form' as const, shareTargets: [{ id: 'conv-soc', name: 'soc-triage' }] },
      ];
      const drawn = new Set(
        views.flatMap((view) =>
          (renderAnswerCard(turn.answer, view).actions ?? []).map((a) => a.verb),
        ),
      );
      for (const verb of CARD_ACTION_VERBS) {
        const inputs = { reasons: 'unclear', target: 'conv-soc' };
        const handling = harness.actions.handle(anAction(verb, turn.id, { inputs }));
        if (drawn.has(verb)) await expect(handling).resolves.toBeDefined();
        else await expect(handling).rejects.toMatchObject({ code: 'card_action_not_offered' });
      }
    },
  );
});
