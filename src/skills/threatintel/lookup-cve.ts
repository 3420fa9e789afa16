import { z } from 'zod';
import type { Fact, Source } from '../../core/answer';
import { NotFoundError, toWardenError, type WardenError } from '../../core/errors';
import { defineSkill } from '../define';
import { formatDate, trimText } from '../format';
import type { Skill, SkillContext } from '../types';
import { describeFreshness, type FeedLoader, type LoadedFeed } from './feed';
import { KEV_CATALOG_PAGE, type KevCatalog, type KevEntry } from './kev';
import { fetchNvdCve, type NvdCve, nvdDetailUrl } from './nvd';
import type { ThreatIntelOptions } from './options';

export const cveIdSchema = z
  .string()
  .trim()
  .regex(/^CVE-\d{4}-\d{4,19}$/i, { error: 'Use a CVE id such as CVE-2021-44228.' })
  .transform((value) => value.toUpperCase());

const input = z.object({
  cveId: cveIdSchema.describe('The CVE id, for example CVE-2021-44228.'),
});

/** NVD's record of a CVE, or why there is none. Shared with `device_exposure`. */
export type NvdOutcome =
  | { status: 'found'; cve: NvdCve }
  | { status: 'not-found' }
  | { status: 'offline' }
  | { status: 'unavailable'; error: WardenError };

/** Whether the CISA KEV catalog lists a CVE, or why that is unknown. */
export type KevOutcome =
  | { status: 'listed'; entry: KevEntry; feed: LoadedFeed<KevCatalog> }
  | { status: 'not-listed'; feed: LoadedFeed<KevCatalog> }
  | { status: 'unavailable'; error: WardenError };

/** `lookup_cve`: NVD's record of a CVE plus whether CISA lists it as known exploited. */
export function createLookupCveSkill(
  options: ThreatIntelOptions,
  kev: FeedLoader<KevCatalog>,
): Skill<z.output<typeof input>> {
  return defineSkill({
    name: 'lookup_cve',
    description:
      'Looks up a CVE in NVD (CVSS score and vector, description, CWE, references, dates) ' +
      "and checks CISA's Known Exploited Vulnerabilities catalog (date added, due date, " +
      'ransomware use).',
    input,
    async run({ cveId }, context) {
      const [nvd, kevOutcome] = await Promise.all([
        readNvd(context, options, cveId),
        readKev(context, kev, cveId),
      ]);
      throwWhenNothingToSay(cveId, nvd, kevOutcome);

      const kevFacts = kevStatus(nvd, kevOutcome);
      const sources: Source[] = [];
      const retrievedAt = context.now().toISOString();
      if (nvd.status === 'found') {
        sources.push({
          title: `NVD — ${cveId}`,
          url: nvdDetailUrl(cveId),
          kind: 'threat-intel',
          retrievedAt,
        });
      }
      if (kevOutcome.status !== 'unavailable') {
        sources.push({
          title: 'CISA Known Exploited Vulnerabilities catalog',
          url: KEV_CATALOG_PAGE,
          kind: 'threat-intel',
          retrievedAt: kevOutcome.feed.fetchedAt,
        });
      }

      return {
        data: {
          cveId,
          nvd: nvd.status === 'found' ? nvd.cve : { status: nvd.status },
          kev: kevFacts.data,
        },
        sources,
        view: {
          summary: summarise(cveId, nvd, kevFacts.sentence, kevOutcome),
          facts: [...nvdFacts(nvd), ...kevFacts.facts],
        },
      };
    },
  });
}

/** Reads NVD without throwing (only an abort is rethrown), so an answer can say what failed. */
export async function readNvd(
  context: SkillContext,
  options: ThreatIntelOptions,
  cveId: string,
): Promise<NvdOutcome> {
  if (options.offline) return { status: 'offline' };
  try {
    const lookup = await fetchNvdCve(context, options, cveId);
    return lookup.found ? { status: 'found', cve: lookup.cve } : { status: 'not-found' };
  } catch (error) {
    if (context.signal.aborted) throw error;
    return { status: 'unavailable', error: toWardenError(error, 'nvd_unavailable') };
  }
}

/** Reads KEV membership without throwing (only an abort is rethrown). */
export async function readKev(
  context: SkillContext,
  kev: FeedLoader<KevCatalog>,
  cveId: string,
): Promise<KevOutcome> {
  try {
    const feed = await kev.load(context);
    const entry = feed.value.byCveId.get(cveId);
    return entry ? { status: 'listed', entry, feed } : { status: 'not-listed', feed };
  } catch (error) {
    if (context.signal.aborted) throw error;
    return { status: 'unavailable', error: toWardenError(error, 'feed_unavailable') };
  }
}

/** Offline answers always say what was and was not consulted, so only online gaps throw. */
function throwWhenNothingToSay(cveId: string, nvd: NvdOutcome, kev: KevOutcome): void {
  if (nvd.status === 'found' || kev.status === 'listed' || nvd.status === 'offline') return;
  if (nvd.status === 'not-found' && kev.status === 'not-listed') {
    throw new NotFoundError(
      'cve_not_found',
      `${cveId} is neither in NVD nor in the CISA KEV catalog. Check the id; a CVE published ` +
        'in the last few days may not be in NVD yet.',
    );
  }
  if (nvd.status === 'unavailable') throw nvd.error;
  if (kev.status === 'unavailable') throw kev.error;
}

function nvdFacts(nvd: NvdOutcome): Fact[] {
  if (nvd.status !== 'found') return [];
  const { cve } = nvd;
  const facts: Fact[] = [];
  if (cve.cvss) {
    const severity = cve.cvss.baseSeverity ? `${cve.cvss.baseSeverity} ` : '';
    facts.push({
      label: 'Severity',
      value: `${severity}${cve.cvss.baseScore} (CVSS ${cve.cvss.version})`,
    });
    if (cve.cvss.vectorString) facts.push({ label: 'Vector', value: cve.cvss.vectorString });
  }
  facts.push({ label: 'Published', value: formatDate(cve.published) });
  facts.push({ label: 'Last modified', value: formatDate(cve.lastModified) });
  if (cve.cwes.length > 0) facts.push({ label: 'Weakness', value: cve.cwes.join(', ') });
  return facts;
}

function kevStatus(
  nvd: NvdOutcome,
  kev: KevOutcome,
): { facts: Fact[]; sentence: string; data: Record<string, unknown> } {
  if (kev.status === 'listed') {
    const { entry } = kev;
    return {
      facts: [
        {
          label: 'Known exploited (CISA KEV)',
          value: `Yes — added ${entry.dateAdded}, federal due date ${entry.dueDate}`,
        },
        { label: 'Ransomware use', value: entry.knownRansomwareCampaignUse ?? 'Unknown' },
        { label: 'Required action', value: entry.requiredAction },
      ],
      sentence: `CISA lists it as known exploited since ${entry.dateAdded}.`,
      data: { listed: true, ...entry },
    };
  }
  if (kev.status === 'not-listed') {
    return {
      facts: [{ label: 'Known exploited (CISA KEV)', value: 'No' }],
      sentence: 'It is not in the CISA KEV catalog.',
      data: { listed: false, catalogVersion: kev.feed.value.catalogVersion },
    };
  }
  const fromNvd = nvd.status === 'found' ? nvd.cve.cisa : undefined;
  if (fromNvd?.dateAdded) {
    const due = fromNvd.dueDate ?? 'not given';
    return {
      facts: [
        {
          label: 'Known exploited (CISA KEV)',
          value: `Yes, per NVD — added ${fromNvd.dateAdded}, due ${due}`,
        },
      ],
      sentence: `NVD records it as added to CISA KEV on ${fromNvd.dateAdded}.`,
      data: { listed: true, source: 'nvd', ...fromNvd },
    };
  }
  return {
    facts: [
      { label: 'Known exploited (CISA KEV)', value: 'Unknown: the catalog is not available' },
    ],
    sentence: kev.error.userMessage,
    data: { listed: null, reason: kev.error.code },
  };
}

function summarise(cveId: string, nvd: NvdOutcome, kevSentence: string, kev: KevOutcome): string {
  const parts: string[] = [];
  if (nvd.status === 'found') {
    const score = nvd.cve.cvss
      ? ` (${nvd.cve.cvss.baseSeverity?.toLowerCase() ?? 'CVSS'} ${nvd.cve.cvss.baseScore})`
      : '';
    const description = nvd.cve.description ? `: ${trimText(nvd.cve.description, 300)}` : '.';
    parts.push(`**${cveId}**${score}${description}`);
  } else {
    parts.push(`**${cveId}**: ${nvdGap(nvd)}`);
  }
  parts.push(kevSentence);
  if (kev.status !== 'unavailable') {
    const freshness = describeFreshness('CISA KEV catalog', kev.feed);
    if (freshness) parts.push(freshness);
  }
  return parts.join(' ');
}

function nvdGap(nvd: Exclude<NvdOutcome, { status: 'found' }>): string {
  if (nvd.status === 'offline') return 'offline mode is on, so NVD was not consulted.';
  if (nvd.status === 'not-found') return 'NVD has no record of it yet.';
  return `NVD could not be reached (${nvd.error.userMessage})`;
}
