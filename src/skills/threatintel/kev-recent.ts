import { z } from 'zod';
import { defineSkill } from '../define';
import { firstRows, plural, trimText } from '../format';
import type { Skill, SkillResult } from '../types';
import { describeFreshness, FeedNotAvailableError, type FeedLoader, type LoadedFeed } from './feed';
import { KEV_CATALOG_PAGE, type KevCatalog, type KevEntry, recentKevEntries } from './kev';

const DEFAULT_DAYS = 7;
const MAX_TABLE_ROWS = 25;

const input = z.object({
  days: z
    .number()
    .int()
    .min(1, { error: 'days must be at least 1.' })
    .max(365, { error: 'days can be at most 365.' })
    .default(DEFAULT_DAYS)
    .describe('How many days back to look. Default 7.'),
});

/** `kev_recent`: vulnerabilities CISA added to the KEV catalog in the last N days. */
export function createKevRecentSkill(kev: FeedLoader<KevCatalog>): Skill<z.output<typeof input>> {
  return defineSkill({
    name: 'kev_recent',
    description:
      "Lists vulnerabilities recently added to CISA's Known Exploited Vulnerabilities (KEV) " +
      'catalog, newest first. Use for "what is being exploited this week" questions.',
    input,
    async run({ days }, context) {
      let feed: LoadedFeed<KevCatalog>;
      try {
        feed = await kev.load(context);
      } catch (error) {
        if (error instanceof FeedNotAvailableError && error.offline) return notCached(error);
        throw error;
      }

      const entries = recentKevEntries(feed.value, context.now(), days);
      const { shown, caption } = firstRows(entries, MAX_TABLE_ROWS);
      return {
        data: {
          days,
          catalogVersion: feed.value.catalogVersion,
          count: entries.length,
          entries: shown.map(compactEntry),
        },
        sources: [
          {
            title: 'CISA Known Exploited Vulnerabilities catalog',
            url: KEV_CATALOG_PAGE,
            kind: 'threat-intel',
            retrievedAt: feed.fetchedAt,
          },
        ],
        view: {
          summary: summarise(entries, days, feed),
          table:
            entries.length === 0
              ? undefined
              : {
                  columns: [
                    'CVE',
                    'Vendor / product',
                    'Vulnerability',
                    'Added',
                    'Due',
                    'Ransomware',
                  ],
                  rows: shown.map((e) => [
                    e.cveID,
                    `${e.vendorProject} ${e.product}`,
                    e.vulnerabilityName,
                    e.dateAdded,
                    e.dueDate,
                    e.knownRansomwareCampaignUse ?? 'Unknown',
                  ]),
                  caption,
                },
        },
      };
    },
  });
}

function compactEntry(entry: KevEntry) {
  return {
    cveID: entry.cveID,
    vendorProject: entry.vendorProject,
    product: entry.product,
    vulnerabilityName: entry.vulnerabilityName,
    dateAdded: entry.dateAdded,
    dueDate: entry.dueDate,
    knownRansomwareCampaignUse: entry.knownRansomwareCampaignUse,
    shortDescription: trimText(entry.shortDescription, 240),
  };
}

function summarise(entries: KevEntry[], days: number, feed: LoadedFeed<KevCatalog>): string {
  const window = days === 1 ? 'the last day' : `the last ${days} days`;
  const freshness = describeFreshness('CISA KEV catalog', feed);
  const headline =
    entries.length === 0
      ? `CISA added no vulnerabilities to the KEV catalog in ${window}.`
      : `CISA added ${plural(entries.length, 'vulnerability', 'vulnerabilities')} to the KEV ` +
        `catalog in ${window}${ransomwareNote(entries)}.`;
  return [headline, `Catalog version ${feed.value.catalogVersion}.`, freshness]
    .filter(Boolean)
    .join(' ');
}

function ransomwareNote(entries: KevEntry[]): string {
  const known = entries.filter((e) => e.knownRansomwareCampaignUse === 'Known').length;
  return known === 0 ? '' : `; ${known} known to be used in ransomware campaigns`;
}

/** Offline with nothing cached is a plain answer, not a failure: it says how to fix it. */
function notCached(error: FeedNotAvailableError): SkillResult {
  return {
    data: { available: false, reason: error.code },
    sources: [],
    view: { summary: error.userMessage },
  };
}
