import { renderPinBoardCard } from '../../src/cards';
import { somePins, textsOf } from './factories';

describe('renderPinBoardCard', () => {
  it('lists pins in the order given, newest first, with who pinned and when', () => {
    const texts = textsOf(renderPinBoardCard(somePins(2), 'inc-2041-phishing'));
    expect(texts[0]).toBe('📌 Pin board · #inc-2041-phishing');
    expect(texts.slice(1, 7)).toEqual([
      'Answer 0',
      'Summary 0 with a link.',
      '**Demo data** · Pinned by Analyst 0 · 2025-01-10 00:00 UTC',
      'Answer 1',
      'Summary 1 with a link.',
      'Pinned by Analyst 1 · 2025-01-09 23:59 UTC',
    ]);
  });

  it('falls back to the user id when the channel gave no name', () => {
    const pins = somePins(1).map((pin) => ({ ...pin, pinnedBy: { id: 'U024BE7LH' } }));
    expect(textsOf(renderPinBoardCard(pins)).join('\n')).toContain('Pinned by U024BE7LH');
  });

  it('says how to pin when the board is empty', () => {
    const card = renderPinBoardCard([]);
    expect(textsOf(card)).toEqual([
      '📌 Pin board',
      'Nothing is pinned here yet. Use **📌 Pin** on an answer to keep it here.',
    ]);
    expect(card.actions).toBeUndefined();
  });

  it('shows an excerpt, not the whole summary', () => {
    const pins = somePins(1).map((pin) => ({ ...pin, summary: 'word '.repeat(500) }));
    const excerpt = textsOf(renderPinBoardCard(pins))[2] ?? '';
    expect(excerpt.length).toBeLessThanOrEqual(240);
    expect(excerpt.endsWith('…')).toBe(true);
  });
});
