import { z } from 'zod';
import { trimText } from '../format';
import { createFeedLoader, type FeedLoader } from './feed';

/** One ATT&CK technique or sub-technique, as kept in the cache. */
export interface AttackTechnique {
  /** T1059 or T1059.001 */
  id: string;
  name: string;
  description: string;
  /** Kill-chain phase names, e.g. `execution`, `command-and-control`. */
  tactics: string[];
  platforms: string[];
  detection?: string;
  url?: string;
  isSubtechnique: boolean;
  revoked: boolean;
  deprecated: boolean;
}

export interface AttackIndex {
  techniques: ReadonlyMap<string, AttackTechnique>;
}

const stixPatternSchema = z.object({
  type: z.literal('attack-pattern'),
  name: z.string().default(''),
  description: z.string().default(''),
  revoked: z.boolean().default(false),
  x_mitre_deprecated: z.boolean().default(false),
  x_mitre_is_subtechnique: z.boolean().default(false),
  x_mitre_platforms: z.array(z.string()).default([]),
  x_mitre_detection: z.string().optional(),
  kill_chain_phases: z
    .array(z.object({ kill_chain_name: z.string(), phase_name: z.string() }))
    .default([]),
  external_references: z
    .array(
      z.object({
        source_name: z.string(),
        external_id: z.string().optional(),
        url: z.string().optional(),
      }),
    )
    .default([]),
});

const bundleSchema = z.object({ type: z.literal('bundle'), objects: z.array(z.unknown()) });

const techniqueSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  tactics: z.array(z.string()),
  platforms: z.array(z.string()),
  detection: z.string().optional(),
  url: z.string().optional(),
  isSubtechnique: z.boolean(),
  revoked: z.boolean(),
  deprecated: z.boolean(),
});

const compactSchema = z.object({ techniques: z.array(techniqueSchema) });

/** Characters of description and detection text kept per technique in the cache. */
const MAX_DESCRIPTION_CHARS = 800;
const MAX_DETECTION_CHARS = 500;

/**
 * Reduces the Enterprise ATT&CK STIX bundle (tens of MB) to its techniques with trimmed text,
 * about 1.5 MB, which fits one cache entry. Revoked and deprecated ones are kept and flagged,
 * so a question about an old id gets an honest answer.
 */
export function compactAttackBundle(body: string): string {
  const bundle = bundleSchema.parse(JSON.parse(body));
  const techniques: AttackTechnique[] = [];
  for (const object of bundle.objects) {
    if ((object as { type?: unknown }).type !== 'attack-pattern') continue;
    const parsed = stixPatternSchema.safeParse(object);
    if (!parsed.success) continue;
    const technique = toTechnique(parsed.data);
    if (technique) techniques.push(technique);
  }
  if (techniques.length === 0) throw new Error('the bundle holds no ATT&CK techniques');
  return JSON.stringify({ techniques });
}

function toTechnique(pattern: z.output<typeof stixPatternSchema>): AttackTechnique | undefined {
  const reference = pattern.external_references.find(
    (ref) => ref.source_name === 'mitre-attack' && ref.external_id,
  );
  if (!reference?.external_id) return undefined;
  return {
    id: reference.external_id.toUpperCase(),
    name: pattern.name,
    description: trimText(plainText(pattern.description), MAX_DESCRIPTION_CHARS),
    tactics: pattern.kill_chain_phases
      .filter((phase) => phase.kill_chain_name === 'mitre-attack')
      .map((phase) => phase.phase_name),
    platforms: pattern.x_mitre_platforms,
    detection: pattern.x_mitre_detection
      ? trimText(plainText(pattern.x_mitre_detection), MAX_DETECTION_CHARS)
      : undefined,
    url: reference.url,
    isSubtechnique: pattern.x_mitre_is_subtechnique,
    revoked: pattern.revoked,
    deprecated: pattern.x_mitre_deprecated,
  };
}

/** ATT&CK prose is Markdown with citation markers; answers want plain sentences. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/\(Citation:[^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/<\/?code>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Several objects can share an id (a revoked one and its replacement); the current one wins.
 */
export function parseAttackIndex(compact: string): AttackIndex {
  const { techniques } = compactSchema.parse(JSON.parse(compact));
  const byId = new Map<string, AttackTechnique>();
  for (const technique of techniques) {
    const existing = byId.get(technique.id);
    if (!existing || rank(technique) < rank(existing)) byId.set(technique.id, technique);
  }
  return { techniques: byId };
}

function rank(technique: AttackTechnique): number {
  return (technique.revoked ? 2 : 0) + (technique.deprecated ? 1 : 0);
}

/** ATT&CK releases twice a year; checking once a day is plenty. */
const ATTACK_REVALIDATE_AFTER_MS = 24 * 60 * 60 * 1000;
/** The Enterprise bundle is about 45 MB and grows with every release. */
const ATTACK_MAX_BYTES = 150 * 1024 * 1024;
const ATTACK_TIMEOUT_MS = 120000;

export function createAttackLoader(stixUrl: string, offline: boolean): FeedLoader<AttackIndex> {
  return createFeedLoader(
    {
      cacheKey: 'threatintel:attack-enterprise:v1',
      label: 'MITRE ATT&CK Enterprise data',
      url: stixUrl,
      revalidateAfterMs: ATTACK_REVALIDATE_AFTER_MS,
      maxBytes: ATTACK_MAX_BYTES,
      timeoutMs: ATTACK_TIMEOUT_MS,
      compact: compactAttackBundle,
      parse: parseAttackIndex,
    },
    offline,
  );
}

/** `execution` → `Execution`, `command-and-control` → `Command and Control`. */
export function tacticName(phase: string): string {
  return phase
    .split('-')
    .map((word) => (word === 'and' ? word : word.charAt(0).toUpperCase() + word.slice(1)))
    .join(' ');
}
