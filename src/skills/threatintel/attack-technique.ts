import { z } from 'zod';
import type { Fact } from '../../core/answer';
import { NotFoundError } from '../../core/errors';
import { defineSkill } from '../define';
import { trimText } from '../format';
import type { Skill, SkillResult } from '../types';
import { type AttackIndex, type AttackTechnique, tacticName } from './attack';
import { describeFreshness, FeedNotAvailableError, type FeedLoader, type LoadedFeed } from './feed';

const MAX_SUBTECHNIQUES_SHOWN = 12;

const input = z.object({
  id: z
    .string()
    .trim()
    .regex(/^T\d{4}(\.\d{3})?$/i, {
      error: 'Use an ATT&CK technique id such as T1059 or T1059.001.',
    })
    .transform((value) => value.toUpperCase())
    .describe('ATT&CK technique or sub-technique id, for example T1059 or T1059.001.'),
});

/** `attack_technique`: a MITRE ATT&CK Enterprise technique by id. */
export function createAttackTechniqueSkill(
  attack: FeedLoader<AttackIndex>,
): Skill<z.output<typeof input>> {
  return defineSkill({
    name: 'attack_technique',
    description:
      'Describes a MITRE ATT&CK Enterprise technique or sub-technique by id (T1059, T1059.001): ' +
      'name, tactics, platforms, detection advice and sub-techniques.',
    input,
    async run({ id }, context) {
      let feed: LoadedFeed<AttackIndex>;
      try {
        feed = await attack.load(context);
      } catch (error) {
        if (error instanceof FeedNotAvailableError && error.offline)
          return notAvailableOffline(error);
        throw error;
      }

      const technique = feed.value.techniques.get(id);
      if (!technique) {
        throw new NotFoundError(
          'attack_technique_not_found',
          `${id} is not a technique in MITRE ATT&CK Enterprise. Check the id on attack.mitre.org.`,
        );
      }
      const parent = technique.isSubtechnique
        ? feed.value.techniques.get(id.split('.')[0])
        : undefined;
      const subtechniques = technique.isSubtechnique ? [] : subtechniquesOf(feed.value, id);
      const fullName = parent ? `${parent.name}: ${technique.name}` : technique.name;

      return {
        data: {
          ...technique,
          fullName,
          tactics: technique.tactics.map(tacticName),
          subtechniques: subtechniques.map((s) => ({ id: s.id, name: s.name })),
        },
        sources: [
          {
            title: `MITRE ATT&CK — ${id} ${fullName}`,
            url: technique.url ?? `https://attack.mitre.org/techniques/${id.replace('.', '/')}/`,
            kind: 'threat-intel',
            retrievedAt: feed.fetchedAt,
          },
        ],
        view: {
          summary: summarise(id, fullName, technique, feed),
          facts: facts(technique, subtechniques),
        },
      };
    },
  });
}

function subtechniquesOf(index: AttackIndex, id: string): AttackTechnique[] {
  return [...index.techniques.values()]
    .filter((t) => t.id.startsWith(`${id}.`) && !t.revoked && !t.deprecated)
    .sort((a, b) => a.id.localeCompare(b.id));
}

function summarise(
  id: string,
  fullName: string,
  technique: AttackTechnique,
  feed: LoadedFeed<AttackIndex>,
): string {
  const status = technique.revoked
    ? ' This technique has been revoked by MITRE; look for its replacement on attack.mitre.org.'
    : technique.deprecated
      ? ' This technique is deprecated in current ATT&CK.'
      : '';
  const freshness = describeFreshness('MITRE ATT&CK data', feed);
  return [`**${id} — ${fullName}.** ${trimText(technique.description, 450)}${status}`, freshness]
    .filter(Boolean)
    .join(' ');
}

function facts(technique: AttackTechnique, subtechniques: AttackTechnique[]): Fact[] {
  const list: Fact[] = [
    { label: 'Tactics', value: technique.tactics.map(tacticName).join(', ') || '—' },
    { label: 'Platforms', value: technique.platforms.join(', ') || '—' },
  ];
  if (subtechniques.length > 0) {
    const shown = subtechniques.slice(0, MAX_SUBTECHNIQUES_SHOWN).map((s) => `${s.id} ${s.name}`);
    const more = subtechniques.length - shown.length;
    list.push({
      label: 'Sub-techniques',
      value: shown.join('; ') + (more > 0 ? `; and ${more} more` : ''),
    });
  }
  if (technique.detection) {
    list.push({ label: 'Detection', value: trimText(technique.detection, 400) });
  }
  return list;
}

function notAvailableOffline(error: FeedNotAvailableError): SkillResult {
  return {
    data: { available: false, reason: error.code },
    sources: [],
    view: { summary: `ATT&CK data is not available offline yet. ${error.userMessage}` },
  };
}
