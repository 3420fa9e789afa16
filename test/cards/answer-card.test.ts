import { renderAnswerCard, AI_NOTE } from '../../src/cards';
import { CARD_ACTION_VERBS } from '../../src/core/actions';
import { anAnswer, aTableAnswer, elementsOf, textsOf } from './factories';

const verbsOf = (card: { actions?: { verb: string }[] }) => (card.actions ?? []).map((a) => a.verb);

describe('renderAnswerCard', () => {
  it('draws an Adaptive Card 1.5 with title, summary, facts, sources and suggestions', () => {
    const card = renderAnswerCard(anAnswer());
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    expect(card.$schema).toContain('adaptivecards.io');
    const texts = textsOf(card);
    expect(texts[0]).toBe('CVE-2021-44228 (Log4Shell)');
    expect(texts).toContain(
      '**Critical** remote code execution in Apache Log4j 2.\n\n' +
        '- Exploited in the wild\n- On the CISA KEV list',
    );
    expect(elementsOf(card, 'FactSet')[0]?.facts).toEqual([
      { title: 'CVSS', value: '10.0 (critical)' },
      { title: 'In KEV', value: 'yes, added 2021-12-10' },
    ]);
    expect(texts).toContain(
      '- [NVD CVE-2021-44228](https://nvd.nist.gov/vuln/detail/CVE-2021-44228)\n- CISA KEV catalog',
    );
    expect(texts).toContain('- Which of our devices run Log4j?');
  });

  it('always carries the AI note, small and subtle', () => {
    const note = elementsOf(renderAnswerCard(anAnswer()), 'TextBlock').find(
      (b) => b.text === AI_NOTE,
    );
    expect(note).toMatchObject({ size: 'small', isSubtle: true });
  });

  it('offers Pin, thumbs up, thumbs down and Share with the turn id only', () => {
    const card = renderAnswerCard(anAnswer());
    expect(verbsOf(card)).toEqual(['pin', 'feedback.up', 'feedback.down', 'share.open']);
    for (const action of card.actions ?? []) {
      expect(action.type).toBe('Action.Execute');
      expect(action.data).toEqual({ turnId: 'turn-1' });
      expect(CARD_ACTION_VERBS).toContain(action.verb);
    }
  });

  it('offers Unpin and says who pinned a pinned answer', () => {
    const card = renderAnswerCard(anAnswer(), {
      mode: 'answer',
      pinned: { by: 'Alex Kim', at: '2025-01-05T14:03:00.000Z' },
    });
    expect(verbsOf(card)[0]).toBe('unpin');
    expect(textsOf(card)).toContain('📌 Pinned by Alex Kim · 2025-01-05 14:03 UTC');
  });

  it('labels demo data visibly near the top', () => {
    const card = renderAnswerCard(anAnswer({ demoData: true }));
    expect(card.body[0]).toMatchObject({ type: 'Container', style: 'warning' });
    expect(textsOf(card.body[0])[0]).toContain('Demo data');
    expect(textsOf(renderAnswerCard(anAnswer())).join(' ')).not.toContain('Demo data');
  });

  it('says who shared an answer and from where', () => {
    const sharedFrom = {
      by: 'Priya Nair',
      conversationName: 'soc-triage',
      at: '2025-01-05T09:00:00Z',
    };
    const texts = textsOf(renderAnswerCard(anAnswer({ sharedFrom })));
    expect(texts).toContain('Shared by Priya Nair from #soc-triage · 2025-01-05 09:00 UTC');
  });

  it('draws a table with a header row', () => {
    const card = renderAnswerCard(aTableAnswer(3));
    const [table] = elementsOf(card, 'Table');
    expect(table?.columns).toHaveLength(4);
    expect(table?.rows).toHaveLength(4);
    expect(textsOf((table?.rows as unknown[])[0])).toEqual(['Time', 'User', 'IP', 'Risk']);
    expect(textsOf(card)).toContain('Sign-ins this week');
  });

  it('shows at most 15 table rows and says how many more there are', () => {
    const card = renderAnswerCard(aTableAnswer(40));
    expect(elementsOf(card, 'Table')[0]?.rows).toHaveLength(16);
    expect(textsOf(card)).toContain('+25 more rows');
  });

  it('shows the feedback form with reasons and an optional comment', () => {
    const card = renderAnswerCard(anAnswer(), { mode: 'feedback-form' });
    expect(elementsOf(card, 'Input.ChoiceSet')[0]).toMatchObject({
      id: 'reasons',
      isMultiSelect: true,
      style: 'expanded',
      choices: [
        { title: 'Incorrect', value: 'incorrect' },
        { title: 'Unclear', value: 'unclear' },
        { title: 'Incomplete', value: 'incomplete' },
      ],
    });
    expect(elementsOf(card, 'Input.Text')[0]).toMatchObject({
      id: 'comment',
      isMultiline: true,
      maxLength: 1000,
    });
    expect(elementsOf(card, 'Input.Text')[0]?.isRequired).toBeUndefined();
    expect(verbsOf(card)).toEqual(['feedback.submit', 'feedback.cancel']);
  });

  it('shows the share form with the offered conversations', () => {
    const shareTargets = [
      { id: 'conv-2', name: '#soc-triage' },
      { id: 'conv-3', name: 'Incident bridge' },
    ];
    const card = renderAnswerCard(anAnswer(), { mode: 'share-form', shareTargets });
    expect(elementsOf(card, 'Input.ChoiceSet')[0]).toMatchObject({
      id: 'target',
      choices: [
        { title: '#soc-triage', value: 'conv-2' },
        { title: 'Incident bridge', value: 'conv-3' },
      ],
    });
    expect(verbsOf(card)).toEqual(['share.submit', 'share.cancel']);
  });

  it('says there is nowhere to share when no other conversation is known', () => {
    const card = renderAnswerCard(anAnswer(), { mode: 'share-form', shareTargets: [] });
    expect(elementsOf(card, 'Input.ChoiceSet')).toHaveLength(0);
    expect(textsOf(card).join(' ')).toContain('No other conversation');
    expect(verbsOf(card)).toEqual(['share.cancel']);
  });

  it('shows a notice line after an action', () => {
    const card = renderAnswerCard(anAnswer(), {
      mode: 'answer',
      notice: 'Thanks — your feedback was saved.',
    });
    expect(textsOf(card)).toContain('Thanks — your feedback was saved.');
  });

  it('keeps feedback but not Pin or Share on a refusal', () => {
    const card = renderAnswerCard(anAnswer({ kind: 'refusal', sources: [], facts: undefined }));
    expect(verbsOf(card)).toEqual(['feedback.up', 'feedback.down']);
  });

  it('shows the correlation id and no actions on an error', () => {
    const answer = anAnswer({ kind: 'error', correlationId: 'corr-42', sources: [] });
    const card = renderAnswerCard(answer, { mode: 'feedback-form' });
    expect(card.actions).toBeUndefined();
    expect(textsOf(card)).toContain('Reference id for support: corr-42');
    expect(elementsOf(card, 'Input.ChoiceSet')).toHaveLength(0);
  });

  it('shows plain titles for sources whose URL is not a web link', () => {
    const sources = [{ title: 'Evil', url: 'javascript:alert(1)', kind: 'model' as const }];
    expect(textsOf(renderAnswerCard(anAnswer({ sources })))).toContain('- Evil');
  });
});
