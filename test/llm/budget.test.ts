import { estimateTokens, trimToTokenBudget, addUsage, ZERO_USAGE } from '../../src/llm';

describe('trimToTokenBudget', () => {
  it('keeps text that fits the budget unchanged', () => {
    expect(trimToTokenBudget('{"count":2}', 10)).toBe('{"count":2}');
  });

  it('cuts longer text to about four characters a token and marks it trimmed', () => {
    const trimmed = trimToTokenBudget('x'.repeat(1000), 50);

    expect(trimmed.length).toBeLessThanOrEqual(200);
    expect(trimmed.endsWith('[trimmed]')).toBe(true);
  });
});

describe('estimateTokens', () => {
  it('rounds partial tokens up', () => {
    expect(estimateTokens('abcde')).toBe(2);
  });
});

describe('addUsage', () => {
  it('sums every counter', () => {
    const one = { promptTokens: 10, completionTokens: 2, totalTokens: 12 };

    expect(addUsage(addUsage(ZERO_USAGE, one), one)).toEqual({
      promptTokens: 20,
      completionTokens: 4,
      totalTokens: 24,
    });
  });
});
