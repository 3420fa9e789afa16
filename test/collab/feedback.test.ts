import { ValidationError } from '../../src/core/errors';
import { alex, openHarness, priya, seedTenantA, TENANT_A, type Harness } from './harness';

describe('FeedbackService', () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await openHarness();
    await seedTenantA(harness, 'turn-1');
  });
  afterEach(() => harness.close());

  const thumbsDown = {
    tenantId: TENANT_A,
    turnId: 'turn-1',
    actor: alex,
    rating: 'down' as const,
    reasons: ['incorrect', 'incomplete'],
    comment: '  Bob was travelling; the IP is the hotel VPN.  ',
  };

  it('stores a thumbs-down with reasons and comment, linked to question and answer', async () => {
    await harness.feedback.record(thumbsDown);
    const [stored] = await harness.feedback.recent(TENANT_A);
    expect(stored).toMatchObject({
      turnId: 'turn-1',
      conversationId: 'conv-incident',
      actor: alex,
      rating: 'down',
      reasons: ['incorrect', 'incomplete'],
      comment: 'Bob was travelling; the IP is the hotel VPN.',
      question: 'Show risky sign-ins for bob this week',
      answerTitle: 'Risky sign-ins for Bob Lee',
      answerSummary: expect.stringContaining('185.220.101.4'),
      skills: ['lookup_user', 'list_signins'],
    });
  });

  it('stores a thumbs-up without reasons or comment', async () => {
    const record = await harness.feedback.record({
      ...thumbsDown,
      rating: 'up',
      reasons: [],
      comment: '',
    });
    expect(record).toMatchObject({ rating: 'up', reasons: [] });
    expect(record.comment).toBeUndefined();
  });

  it('keeps one rating per person and answer, the latest', async () => {
    await harness.feedback.record({ ...thumbsDown, rating: 'up', reasons: [] });
    await harness.feedback.record(thumbsDown);
    await harness.feedback.record({ ...thumbsDown, actor: priya, rating: 'up', reasons: [] });
    const all = await harness.feedback.recent(TENANT_A);
    expect(all.map((f) => [f.actor.id, f.rating])).toEqual([
      ['aad-priya', 'up'],
      ['aad-alex', 'down'],
    ]);
    expect((await harness.feedback.recent(TENANT_A, { rating: 'down' })).length).toBe(1);
  });

  it('writes an audit record without the comment text', async () => {
    await harness.feedback.record(thumbsDown);
    const [entry] = await harness.audit.recent(TENANT_A);
    expect(entry).toMatchObject({
      action: 'feedback',
      actor: alex,
      target: 'turn-1',
      detail: { rating: 'down', reasons: ['incorrect', 'incomplete'] },
    });
    expect(JSON.stringify(entry)).not.toContain('hotel');
  });

  it.each([
    ['an unknown reason', { reasons: ['rude'] }, 'feedback_reason_invalid'],
    ['a thumbs-down without reasons', { reasons: [] }, 'feedback_reason_required'],
    ['a thumbs-up with reasons', { rating: 'up' as const }, 'feedback_reason_invalid'],
    ['a comment over 1000 characters', { comment: 'x'.repeat(1001) }, 'feedback_comment_too_long'],
    ['an unknown rating', { rating: 'meh' as unknown as 'up' }, 'feedback_rating_invalid'],
  ])('refuses %s and stores nothing', async (_name, change, code) => {
    const recording = harness.feedback.record({ ...thumbsDown, ...change });
    await expect(recording).rejects.toBeInstanceOf(ValidationError);
    await expect(recording).rejects.toMatchObject({ code });
    expect(await harness.feedback.recent(TENANT_A)).toEqual([]);
    expect(await harness.audit.recent(TENANT_A)).toEqual([]);
  });

  it('accepts a comment of exactly 1000 characters', async () => {
    const record = await harness.feedback.record({ ...thumbsDown, comment: 'y'.repeat(1000) });
    expect(record.comment).toHaveLength(1000);
  });

  it('refuses feedback given from another conversation', async () => {
    await expect(
      harness.feedback.record({ ...thumbsDown, conversationId: 'conv-soc' }),
    ).rejects.toMatchObject({ code: 'turn_in_other_conversation' });
  });
});
