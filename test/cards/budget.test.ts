import {
  CARD_BUDGET_BYTES,
  cardBytes,
  renderAnswerCard,
  renderPinBoardCard,
} from '../../src/cards';
import { somePins, anAnswer, aTableAnswer, elementsOf, textsOf } from './factories';

describe('card size budget', () => {
  it('leaves a normal answer untouched and says nothing about trimming', () => {
    const card = renderAnswerCard(anAnswer());
    expect(textsOf(card).join(' ')).not.toContain('Trimmed');
  });

  it('trims a very long summary to fit and says so on the card', () => {
    const card = renderAnswerCard(anAnswer({ summary: 'Long finding. '.repeat(5_000) }));
    expect(cardBytes(card)).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
    expect(textsOf(card)).toContain(
      'Trimmed to fit the card. Ask a narrower question to see the rest.',
    );
  });

  it('shrinks a wide, long table until the card fits and counts the rows left out', () => {
    const wide = 'w'.repeat(190);
    const answer = aTableAnswer(15, {
      table: {
        columns: Array.from({ length: 12 }, (_, i) => `Column ${i}`),
        rows: Array.from({ length: 300 }, () => Array.from({ length: 12 }, () => wide)),
      },
    });
    const card = renderAnswerCard(answer);
    const shownRows = (elementsOf(card, 'Table')[0]?.rows as unknown[]).length - 1;
    expect(cardBytes(card)).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
    expect(elementsOf(card, 'Table')[0]?.columns).toHaveLength(8);
    expect(textsOf(card)).toContain(`+${300 - shownRows} more rows`);
    expect(textsOf(card).join(' ')).toContain('Trimmed to fit the card');
  });

  it('keeps a crowded pin board within the budget and counts older pins', () => {
    const pins = somePins(60).map((pin) => ({
      ...pin,
      title: 't'.repeat(5_000),
      summary: 's '.repeat(5_000),
      pinnedBy: { id: 'u', name: 'n'.repeat(5_000) },
    }));
    const card = renderPinBoardCard(pins, 'inc-2041-phishing');
    expect(cardBytes(card)).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
    expect(textsOf(card)).toContain('+40 older pins');
  });
});

describe('card size budget at its worst', () => {
  it('fits an answer where every part is at its longest', () => {
    const long = (n: number) => 'ẞ'.repeat(n);
    const answer = anAnswer({
      title: long(5_000),
      summary: long(50_000),
      facts: Array.from({ length: 100 }, () => ({ label: long(2_000), value: long(2_000) })),
      table: {
        columns: Array.from({ length: 20 }, () => long(2_000)),
        rows: Array.from({ length: 500 }, () => Array.from({ length: 20 }, () => long(2_000))),
        caption: long(300),
      },
      sources: Array.from({ length: 50 }, () => ({
        title: long(2_000),
        url: `https://example.com/${'p'.repeat(990)}`,
        kind: 'telemetry' as const,
      })),
      suggestions: Array.from({ length: 50 }, () => long(2_000)),
    });
    for (const mode of ['answer', 'feedback-form', 'share-form'] as const) {
      const card = renderAnswerCard(answer, { mode, shareTargets: [{ id: 'c', name: long(100) }] });
      expect(cardBytes(card)).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
    }
  });
});
