import { z } from 'zod';
import { defineSkill } from '../define';
import { firstRows, listInProse, plural } from '../format';
import type { Skill } from '../types';
import { defang } from './defang';
import { extractIndicators, type Indicator, type IndicatorType } from './extract';

const TYPE_LABELS: Record<IndicatorType, [singular: string, pluralForm: string]> = {
  url: ['URL', 'URLs'],
  domain: ['domain', 'domains'],
  ipv4: ['IPv4 address', 'IPv4 addresses'],
  ipv6: ['IPv6 address', 'IPv6 addresses'],
  email: ['e-mail address', 'e-mail addresses'],
  md5: ['MD5 hash', 'MD5 hashes'],
  sha1: ['SHA-1 hash', 'SHA-1 hashes'],
  sha256: ['SHA-256 hash', 'SHA-256 hashes'],
  cve: ['CVE id', 'CVE ids'],
};

/** Longest text accepted, in characters; a pasted mail or report fits, a log dump does not. */
export const MAX_TEXT_CHARS = 100000;
const MAX_TABLE_ROWS = 50;

const input = z.object({
  text: z
    .string()
    .min(1, { error: 'text is empty: paste the message, report or log lines to scan.' })
    .max(MAX_TEXT_CHARS, {
      error: `text is longer than ${MAX_TEXT_CHARS} characters: paste a smaller part.`,
    })
    .describe(
      'The text to scan: an e-mail, alert, report or log excerpt. Defanged forms are fine.',
    ),
});

/** `extract_indicators`: pulls IPs, domains, URLs, e-mails, hashes and CVE ids out of text. */
export function createExtractIndicatorsSkill(): Skill<z.output<typeof input>> {
  return defineSkill({
    name: 'extract_indicators',
    description:
      'Extracts indicators of compromise (IPv4/IPv6, domains, URLs, e-mail addresses, MD5/SHA-1/' +
      'SHA-256 hashes, CVE ids) from text, including defanged forms such as hxxp:// and [.].',
    input,
    async run({ text }) {
      const indicators = extractIndicators(text);
      const counts = countByType(indicators);
      const { shown, caption } = firstRows(indicators, MAX_TABLE_ROWS);

      return {
        data: { indicators, counts },
        sources: [],
        view: {
          summary: summarise(counts),
          table:
            indicators.length === 0
              ? undefined
              : {
                  columns: ['Type', 'Indicator'],
                  rows: shown.map((i) => [TYPE_LABELS[i.type][0], defang(i.value)]),
                  caption,
                },
        },
      };
    },
  });
}

function countByType(indicators: readonly Indicator[]): Partial<Record<IndicatorType, number>> {
  const counts: Partial<Record<IndicatorType, number>> = {};
  for (const { type } of indicators) counts[type] = (counts[type] ?? 0) + 1;
  return counts;
}

function summarise(counts: Partial<Record<IndicatorType, number>>): string {
  const parts = Object.entries(counts).map(([type, count]) => {
    const [singular, pluralForm] = TYPE_LABELS[type as IndicatorType];
    return plural(count, singular, pluralForm);
  });
  if (parts.length === 0) return 'No indicators found in the text.';
  const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
  return `Found ${plural(total, 'indicator')}: ${listInProse(parts)}. Shown defanged.`;
}
