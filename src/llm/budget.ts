/**
 * Token budgeting without a tokenizer. English text and JSON average about four characters per
 * token for GPT-4-class models, which is close enough to keep tool output inside a budget; an
 * exact count would need the model's own tokenizer, which Warden does not ship.
 */
export const CHARS_PER_TOKEN = 4;

export const TRIMMED_MARKER = '[trimmed]';

export function estimateTokens(text: string): number {
  return Math.ceil(text.length / CHARS_PER_TOKEN);
}

/** Cuts text to roughly `maxTokens`, ending with a marker so the model knows data is missing. */
export function trimToTokenBudget(text: string, maxTokens: number): string {
  const maxChars = maxTokens * CHARS_PER_TOKEN;
  if (text.length <= maxChars) return text;
  const keep = Math.max(0, maxChars - TRIMMED_MARKER.length - 1);
  return `${text.slice(0, keep)} ${TRIMMED_MARKER}`;
}
