import type { Answer } from '../../src/core/answer';
import type { PinBoardEntry } from '../../src/cards';

export function anAnswer(overrides: Partial<Answer> = {}): Answer {
  return {
    kind: 'answer',
    turnId: 'turn-1',
    title: 'CVE-2021-44228 (Log4Shell)',
    summary:
      '**Critical** remote code execution in Apache Log4j 2.\n\n- Exploited in the wild\n' +
      '- On the CISA KEV list',
    facts: [
      { label: 'CVSS', value: '10.0 (critical)' },
      { label: 'In KEV', value: 'yes, added 2021-12-10' },
    ],
    sources: [
      {
        title: 'NVD CVE-2021-44228',
        url: 'https://nvd.nist.gov/vuln/detail/CVE-2021-44228',
        kind: 'threat-intel',
      },
      { title: 'CISA KEV catalog', kind: 'threat-intel' },
    ],
    suggestions: ['Which of our devices run Log4j?'],
    demoData: false,
    skills: ['lookup_cve'],
    ...overrides,
  };
}

export function aTableAnswer(rowCount: number, overrides: Partial<Answer> = {}): Answer {
  const rows = Array.from({ length: rowCount }, (_, i) => [
    `2025-01-0${(i % 9) + 1}T10:00:00Z`,
    'bob.lee@contoso.com',
    '185.220.101.4',
    i % 2 === 0 ? 'high' : 'medium',
  ]);
  return anAnswer({
    title: 'Risky sign-ins for Bob Lee',
    facts: undefined,
    table: { columns: ['Time', 'User', 'IP', 'Risk'], rows, caption: 'Sign-ins this week' },
    ...overrides,
  });
}

/** Pins of `#inc-2041-phishing`, newest first, one minute apart. */
export function somePins(pinCount: number): PinBoardEntry[] {
  const pins = Array.from({ length: pinCount }, (_, i) => ({
    turnId: `turn-${i}`,
    title: `Answer ${i}`,
    summary: `Summary **${i}** with a [link](https://example.com/${i}).`,
    pinnedBy: { id: `user-${i}`, name: `Analyst ${i}` },
    pinnedAt: new Date(Date.UTC(2025, 0, 10) - i * 60_000).toISOString(),
    demoData: i === 0,
  }));
  return pins;
}

/** Every TextBlock text in a card, in order, so tests can look for what a reader sees. */
export function textsOf(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(textsOf);
  if (node === null || typeof node !== 'object') return [];
  const record = node as Record<string, unknown>;
  const own = record.type === 'TextBlock' && typeof record.text === 'string' ? [record.text] : [];
  return [...own, ...Object.values(record).flatMap(textsOf)];
}

/** Every element of a given type anywhere in the card. */
export function elementsOf(node: unknown, type: string): Record<string, unknown>[] {
  if (Array.isArray(node)) return node.flatMap((child) => elementsOf(child, type));
  if (node === null || typeof node !== 'object') return [];
  const record = node as Record<string, unknown>;
  const own = record.type === type ? [record] : [];
  return [...own, ...Object.values(record).flatMap((child) => elementsOf(child, type))];
}
