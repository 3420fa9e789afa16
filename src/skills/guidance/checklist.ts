/**
 * Warden's curated security checklists. The wording is ours; each list links the public
 * references it draws on (OWASP, CISA, NIST, Microsoft, CIS, FIRST) so a reader can go deeper.
 */
export interface Checklist {
  id: string;
  title: string;
  /** Words and phrases that point to this checklist, lower case. */
  keywords: string[];
  items: string[];
  references: { title: string; url: string }[];
}

/**
 * Reads a list written as "- " bullets, each possibly wrapped over several lines, into one
 * string per item. Keeps the checklists readable in source within the line limit.
 */
export function bullets(text: string): string[] {
  return text
    .split(/^\s*- /m)
    .map((item) => item.replace(/\s+/g, ' ').trim())
    .filter((item) => item !== '');
}

/** Reads comma-separated keywords (phrases allowed), lower-cased. */
export function terms(text: string): string[] {
  return text
    .split(',')
    .map((term) => term.replace(/\s+/g, ' ').trim().toLowerCase())
    .filter((term) => term !== '');
}
