/** Builds readable regular expressions from word lists, so no pattern runs past 100 columns. */

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A non-capturing alternation of literal phrases. */
export function anyOf(phrases: string[]): string {
  return `(?:${phrases.map(escapeRegExp).join('|')})`;
}

/** A non-capturing alternation of regular expression sources. */
export function anyPattern(sources: string[]): string {
  return `(?:${sources.join('|')})`;
}

/** A word list written as one `|`-separated string, which keeps long lists compact. */
export function phrases(list: string): string[] {
  return list
    .split('|')
    .map((phrase) => phrase.trim())
    .filter((phrase) => phrase !== '');
}
