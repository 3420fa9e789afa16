import {
  renderAnswerCard,
  renderNoticeCard,
  renderPinBoardCard,
  validateAdaptiveCard,
} from '../../src/cards';
import type { CardView } from '../../src/core/actions';
import type { Answer } from '../../src/core/answer';
import { somePins, anAnswer, aTableAnswer } from './factories';

const pinned = { by: 'Alex Kim', at: '2025-01-05T14:03:00Z' };
const shareTargets = [
  { id: 'conv-2', name: '#soc-triage' },
  { id: 'conv-3', name: 'Incident bridge' },
];

function aBigAnswer(): Answer {
  const paragraph =
    '# Findings\n\nBob Lee signed in from `185.220.101.4` (**Tor exit**), see ' +
    '[the log](https://example.com/log). > quoted\n```\ncode block\n```\n* item\n';
  return aTableAnswer(200, {
    summary: paragraph.repeat(400),
    facts: Array.from({ length: 60 }, (_, i) => ({ label: `Fact ${i}`, value: 'ü'.repeat(900) })),
    sources: Array.from({ length: 30 }, (_, i) => ({
      title: `Source [${i}]`,
      url: `https://example.com/a(${i})`,
      kind: 'telemetry' as const,
    })),
    suggestions: Array.from({ length: 12 }, (_, i) => `Follow-up ${i} ${'x'.repeat(500)}`),
  });
}

const variants: Array<[string, Answer, CardView | undefined]> = [
  ['an answer with facts', anAnswer(), undefined],
  ['an answer with a table', aTableAnswer(40), undefined],
  ['an answer with demo data', anAnswer({ demoData: true }), undefined],
  [
    'a shared answer',
    anAnswer({ sharedFrom: { by: 'Priya', conversationName: 'soc', at: '2025-01-05T09:00:00Z' } }),
    undefined,
  ],
  ['a pinned answer', anAnswer(), { mode: 'answer', pinned }],
  [
    'an answer with feedback and a notice',
    anAnswer(),
    {
      mode: 'answer',
      feedback: { rating: 'up', by: 'Dan Wu' },
      notice: 'Thanks — your feedback was saved.',
    },
  ],
  ['the feedback form', anAnswer(), { mode: 'feedback-form', pinned }],
  ['the share form', anAnswer(), { mode: 'share-form', shareTargets }],
  ['the share form with no targets', anAnswer(), { mode: 'share-form', shareTargets: [] }],
  ['a refusal', anAnswer({ kind: 'refusal', facts: undefined, sources: [] }), undefined],
  ['a clarification', anAnswer({ kind: 'clarification', facts: undefined }), undefined],
  ['an error', anAnswer({ kind: 'error', correlationId: 'corr-1', sources: [] }), undefined],
  ['a big answer with Markdown and long text', aBigAnswer(), { mode: 'feedback-form' }],
];

describe('validateAdaptiveCard', () => {
  it.each(variants)('finds no problems in %s', (_name, answer, view) => {
    expect(validateAdaptiveCard(renderAnswerCard(answer, view))).toEqual([]);
  });

  it('finds no problems in a notice card', () => {
    const card = renderNoticeCard('That button has expired', 'Ask the question again.');
    expect(validateAdaptiveCard(card)).toEqual([]);
  });

  it('finds no problems in pin boards, empty, small and large', () => {
    for (const count of [0, 3, 200]) {
      expect(validateAdaptiveCard(renderPinBoardCard(somePins(count), 'inc-2041'))).toEqual([]);
    }
  });

  it('reports an unknown element type', () => {
    const card = { ...renderAnswerCard(anAnswer()), body: [{ type: 'Carousel3D' }] };
    expect(validateAdaptiveCard(card)).toEqual([expect.stringContaining('Carousel3D')]);
  });

  it('reports an invalid property value and an unknown action type', () => {
    const problems = validateAdaptiveCard({
      type: 'AdaptiveCard',
      version: '1.5',
      body: [{ type: 'TextBlock', text: 'x', size: 'gigantic' }],
      actions: [{ type: 'Action.Teleport', title: 'Go' }],
    });
    expect(problems).toEqual([
      expect.stringContaining('"gigantic"'),
      expect.stringContaining('Action.Teleport'),
    ]);
  });

  it('reports an empty choice set, a duplicate id and a missing root type', () => {
    const problems = validateAdaptiveCard({
      version: '1.5',
      body: [
        { type: 'Input.ChoiceSet', id: 'target', label: 'To', choices: [] },
        { type: 'Input.Text', id: 'target', label: 'Again' },
      ],
    });
    expect(problems.join('\n')).toMatch(/Root "type"/);
    expect(problems.join('\n')).toMatch(/CollectionCantBeEmpty/);
    expect(problems.join('\n')).toMatch(/DuplicateId/);
  });

  it('reports a card larger than Teams accepts', () => {
    const card = renderNoticeCard('Big', 'x'.repeat(40_000));
    expect(validateAdaptiveCard(card)).toEqual([expect.stringContaining('Teams refuses')]);
  });
});
