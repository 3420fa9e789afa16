import { z } from 'zod';
import { createFeedLoader, type FeedLoader } from './feed';

/** One entry of the CISA KEV catalog, with the fields Warden uses (`notes` is dropped). */
export interface KevEntry {
  cveID: string;
  vendorProject: string;
  product: string;
  vulnerabilityName: string;
  /** YYYY-MM-DD */
  dateAdded: string;
  shortDescription: string;
  requiredAction: string;
  /** YYYY-MM-DD; the deadline for US federal agencies (BOD 22-01). */
  dueDate: string;
  /** "Known" or "Unknown". */
  knownRansomwareCampaignUse?: string;
  cwes?: string[];
}

export interface KevCatalog {
  catalogVersion: string;
  dateReleased: string;
  entries: KevEntry[];
  byCveId: ReadonlyMap<string, KevEntry>;
}

/** Shape per cisagov/kev-data's schema; unknown fields are dropped. */
const entrySchema = z.object({
  cveID: z.string().regex(/^CVE-\d{4}-\d{4,19}$/),
  vendorProject: z.string(),
  product: z.string(),
  vulnerabilityName: z.string(),
  dateAdded: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  shortDescription: z.string(),
  requiredAction: z.string(),
  dueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  knownRansomwareCampaignUse: z.string().optional(),
  cwes: z.array(z.string()).optional(),
});

const catalogSchema = z.object({
  catalogVersion: z.string(),
  dateReleased: z.string(),
  vulnerabilities: z.array(z.unknown()),
});

const compactSchema = z.object({
  catalogVersion: z.string(),
  dateReleased: z.string(),
  vulnerabilities: z.array(entrySchema),
});

/**
 * Keeps the catalog's well-formed entries. One malformed entry in CISA's feed should not cost
 * the whole catalog, so entries are checked one by one.
 */
export function compactKevCatalog(body: string): string {
  const catalog = catalogSchema.parse(JSON.parse(body));
  const vulnerabilities = catalog.vulnerabilities.flatMap((entry) => {
    const parsed = entrySchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
  if (vulnerabilities.length === 0 && catalog.vulnerabilities.length > 0) {
    throw new Error('no KEV entry has the expected fields');
  }
  return JSON.stringify({
    catalogVersion: catalog.catalogVersion,
    dateReleased: catalog.dateReleased,
    vulnerabilities,
  });
}

export function parseKevCatalog(compact: string): KevCatalog {
  const catalog = compactSchema.parse(JSON.parse(compact));
  return {
    catalogVersion: catalog.catalogVersion,
    dateReleased: catalog.dateReleased,
    entries: catalog.vulnerabilities,
    byCveId: new Map(catalog.vulnerabilities.map((entry) => [entry.cveID, entry])),
  };
}

/** CISA revises the catalog a few times a week; an hourly check (usually a 304) is plenty. */
const KEV_REVALIDATE_AFTER_MS = 60 * 60 * 1000;
const KEV_MAX_BYTES = 20 * 1024 * 1024;
const KEV_TIMEOUT_MS = 20000;

export const KEV_CATALOG_PAGE = 'https://www.cisa.gov/known-exploited-vulnerabilities-catalog';

export function createKevLoader(feedUrl: string, offline: boolean): FeedLoader<KevCatalog> {
  return createFeedLoader(
    {
      cacheKey: 'threatintel:cisa-kev:v1',
      label: 'CISA KEV catalog',
      url: feedUrl,
      revalidateAfterMs: KEV_REVALIDATE_AFTER_MS,
      maxBytes: KEV_MAX_BYTES,
      timeoutMs: KEV_TIMEOUT_MS,
      compact: compactKevCatalog,
      parse: parseKevCatalog,
    },
    offline,
  );
}

/** Entries added on or after the UTC day `days` days before `now`, newest first. */
export function recentKevEntries(catalog: KevCatalog, now: Date, days: number): KevEntry[] {
  const cutoff = new Date(now.getTime() - days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
  return catalog.entries
    .filter((entry) => entry.dateAdded >= cutoff)
    .sort((a, b) => b.dateAdded.localeCompare(a.dateAdded));
}
