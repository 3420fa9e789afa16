import { z } from 'zod';
import type { Source } from '../../core/answer';
import { defineSkill } from '../define';
import { listInProse } from '../format';
import type { Skill, SkillResult } from '../types';
import type { Checklist } from './checklist';
import { OPERATIONS_CHECKLISTS } from './operations';
import { PREVENTION_CHECKLISTS } from './prevention';

export const CHECKLISTS: readonly Checklist[] = [
  ...PREVENTION_CHECKLISTS,
  ...OPERATIONS_CHECKLISTS,
];

/** Two checklists at most per answer; a third would be a wall of text. */
const MAX_CHECKLISTS = 2;

const input = z.object({
  topic: z
    .string()
    .trim()
    .min(1, { error: 'topic is empty: name an area such as phishing, MFA or ransomware.' })
    .max(300)
    .describe('The area to get guidance on, e.g. "web security", "phishing", "ransomware".'),
});

/**
 * Scores a checklist against a topic: a matching phrase counts 2, a matching word 1. Words are
 * compared whole, so "app" does not match "happy".
 */
export function scoreChecklist(checklist: Checklist, topic: string): number {
  const text = ` ${topic.toLowerCase().replace(/[^a-z0-9-]+/g, ' ')} `;
  return checklist.keywords.reduce(
    (score, keyword) =>
      text.includes(` ${keyword} `) ? score + (keyword.includes(' ') ? 2 : 1) : score,
    0,
  );
}

/** The best-matching checklists for a topic, best first; empty when nothing matches. */
export function matchChecklists(topic: string): Checklist[] {
  const scored = CHECKLISTS.map((checklist) => ({
    checklist,
    score: scoreChecklist(checklist, topic),
  }))
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score);
  if (scored.length === 0) return [];
  const best = scored[0].score;
  return scored
    .filter((entry) => entry.score === best)
    .slice(0, MAX_CHECKLISTS)
    .map((entry) => entry.checklist);
}

/** `security_guidance`: a curated checklist for a security topic, with public references. */
export function createSecurityGuidanceSkill(): Skill<z.output<typeof input>> {
  return defineSkill({
    name: 'security_guidance',
    description:
      'Gives a curated security checklist for a topic: web application security, identity and ' +
      'MFA, e-mail and phishing, endpoint hardening, cloud and Azure, incident response, ' +
      'ransomware readiness, vulnerability management, logging and monitoring.',
    input,
    async run({ topic }, context) {
      const checklists = matchChecklists(topic);
      if (checklists.length === 0) return noMatch(topic);

      const retrievedAt = context.now().toISOString();
      const sources: Source[] = checklists.flatMap((c) =>
        c.references.map((ref) => ({
          title: ref.title,
          url: ref.url,
          kind: 'guidance' as const,
          retrievedAt,
        })),
      );
      const titles = checklists.map((c) => c.title);
      return {
        data: {
          topic,
          checklists: checklists.map((c) => ({ id: c.id, title: c.title, items: c.items })),
        },
        sources,
        view: {
          summary:
            `Checklist for ${listInProse(titles.map((t) => `**${t}**`))}: ` +
            'the practices that matter most, in order.',
          table: {
            columns: checklists.length > 1 ? ['#', 'Area', 'Check'] : ['#', 'Check'],
            rows: checklists.flatMap((c) =>
              c.items.map((item, index) =>
                checklists.length > 1
                  ? [String(index + 1), c.title, item]
                  : [String(index + 1), item],
              ),
            ),
          },
        },
      };
    },
  });
}

function noMatch(topic: string): SkillResult {
  const topics = CHECKLISTS.map((c) => c.title.toLowerCase());
  return {
    data: { topic, checklists: [], available: CHECKLISTS.map((c) => c.title) },
    sources: [],
    view: {
      summary:
        `I have no checklist for "${topic}". ` + `Ask about one of these: ${listInProse(topics)}.`,
    },
  };
}
