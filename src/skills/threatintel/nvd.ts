import { z } from 'zod';
import { UnavailableError } from '../../core/errors';
import type { SkillContext } from '../types';
import { hostOf, type ThreatIntelOptions } from './options';

/** The parts of an NVD CVE record an answer needs. */
export interface NvdCve {
  id: string;
  published?: string;
  lastModified?: string;
  vulnStatus?: string;
  description?: string;
  cvss?: CvssScore;
  cwes: string[];
  references: { url: string; tags: string[] }[];
  /** NVD's copy of CISA KEV data, used when the KEV feed itself is unavailable. */
  cisa?: { dateAdded?: string; dueDate?: string; requiredAction?: string };
  /**
   * The vulnerable CPE match criteria of NVD's `configurations`, flattened. AND nodes are not
   * kept as such: only entries NVD marks `vulnerable` are, so "app X on OS Y" keeps only X.
   * Empty while NVD has not analysed the CVE yet (`vulnStatus` "Awaiting Analysis").
   */
  cpeMatches: NvdCpeMatch[];
}

/** One NVD CPE match criterion with its optional version range. */
export interface NvdCpeMatch {
  criteria: string;
  versionStartIncluding?: string;
  versionStartExcluding?: string;
  versionEndIncluding?: string;
  versionEndExcluding?: string;
}

export interface CvssScore {
  version: string;
  baseScore: number;
  baseSeverity?: string;
  vectorString?: string;
  source?: string;
}

export type NvdLookup = { found: true; cve: NvdCve } | { found: false };

const cvssMetric = z.object({
  source: z.string().optional(),
  type: z.string().optional(),
  baseSeverity: z.string().optional(),
  cvssData: z.object({
    version: z.string(),
    baseScore: z.number(),
    baseSeverity: z.string().optional(),
    vectorString: z.string().optional(),
  }),
});

const langValue = z.object({ lang: z.string(), value: z.string() });

const cpeMatchSchema = z.object({
  vulnerable: z.boolean(),
  criteria: z.string(),
  versionStartIncluding: z.string().optional(),
  versionStartExcluding: z.string().optional(),
  versionEndIncluding: z.string().optional(),
  versionEndExcluding: z.string().optional(),
});

/** NVD 2.0 `configurations[].nodes[]`: an OR/AND group of criteria, possibly negated. */
const configurationNodeSchema = z.object({
  operator: z.string().optional(),
  negate: z.boolean().default(false),
  cpeMatch: z.array(cpeMatchSchema).default([]),
});

const configurationSchema = z.object({
  operator: z.string().optional(),
  negate: z.boolean().default(false),
  nodes: z.array(configurationNodeSchema).default([]),
});

const cveSchema = z.object({
  id: z.string(),
  published: z.string().optional(),
  lastModified: z.string().optional(),
  vulnStatus: z.string().optional(),
  descriptions: z.array(langValue).default([]),
  metrics: z
    .object({
      cvssMetricV31: z.array(cvssMetric).optional(),
      cvssMetricV30: z.array(cvssMetric).optional(),
      cvssMetricV2: z.array(cvssMetric).optional(),
    })
    .optional(),
  weaknesses: z.array(z.object({ description: z.array(langValue).default([]) })).default([]),
  references: z
    .array(z.object({ url: z.string(), tags: z.array(z.string()).default([]) }))
    .default([]),
  cisaExploitAdd: z.string().optional(),
  cisaActionDue: z.string().optional(),
  cisaRequiredAction: z.string().optional(),
  configurations: z.array(configurationSchema).default([]),
});

const responseSchema = z.object({
  vulnerabilities: z.array(z.object({ cve: cveSchema })).default([]),
});

const NVD_TIMEOUT_MS = 15000;
const MAX_REFERENCES = 8;

/** NVD's detail page for a CVE; linked as the source whichever API mirror was queried. */
export function nvdDetailUrl(cveId: string): string {
  return `https://nvd.nist.gov/vuln/detail/${cveId}`;
}

/**
 * Fetches one CVE from the NVD CVE API 2.0. Resolves `{ found: false }` when NVD has no such
 * record; throws UnavailableError when NVD cannot answer.
 */
export async function fetchNvdCve(
  context: SkillContext,
  options: Pick<ThreatIntelOptions, 'nvdApiUrl' | 'nvdApiKey'>,
  cveId: string,
): Promise<NvdLookup> {
  const url = new URL(options.nvdApiUrl);
  url.searchParams.set('cveId', cveId);
  const response = await context.http.request({
    url: url.toString(),
    headers: options.nvdApiKey ? { apiKey: options.nvdApiKey } : {},
    timeoutMs: NVD_TIMEOUT_MS,
    signal: context.signal,
  });

  // NVD answers 404 for ids it does not know (its reason is in a `message` header).
  if (response.status === 404) return { found: false };
  if (response.status !== 200) throw nvdUnavailable(response.status, options);

  const parsed = responseSchema.safeParse(response.json);
  if (!parsed.success) {
    throw new UnavailableError('nvd_response_invalid', 'NVD answered with an unexpected body', {
      cause: parsed.error,
      userMessage: 'NVD answered with something Warden could not read. Try again later.',
    });
  }
  const record = parsed.data.vulnerabilities.find((v) => v.cve.id.toUpperCase() === cveId);
  return record ? { found: true, cve: summariseCve(record.cve) } : { found: false };
}

function nvdUnavailable(
  status: number,
  options: Pick<ThreatIntelOptions, 'nvdApiUrl' | 'nvdApiKey'>,
): UnavailableError {
  const host = hostOf(options.nvdApiUrl);
  // NVD signals its rate limit with 403 as well as 429.
  const rateLimited = status === 403 || status === 429;
  const hint = rateLimited
    ? options.nvdApiKey
      ? 'NVD is limiting requests; try again in a minute.'
      : 'NVD is limiting requests; set NVD_API_KEY (free from nvd.nist.gov) for a higher limit.'
    : `NVD (${host}) is not answering properly right now; try again later.`;
  return new UnavailableError(
    rateLimited ? 'nvd_rate_limited' : 'nvd_unavailable',
    `NVD HTTP ${status}`,
    {
      userMessage: hint,
      detail: { status, host },
    },
  );
}

function summariseCve(cve: z.output<typeof cveSchema>): NvdCve {
  const cwes = cve.weaknesses
    .flatMap((weakness) => weakness.description.map((d) => d.value))
    .filter((value) => /^CWE-\d+$/.test(value));
  const cisa =
    cve.cisaExploitAdd === undefined
      ? undefined
      : {
          dateAdded: cve.cisaExploitAdd,
          dueDate: cve.cisaActionDue,
          requiredAction: cve.cisaRequiredAction,
        };

  return {
    id: cve.id,
    published: cve.published,
    lastModified: cve.lastModified,
    vulnStatus: cve.vulnStatus,
    description: cve.descriptions.find((d) => d.lang === 'en')?.value ?? cve.descriptions[0]?.value,
    cvss: bestCvss(cve.metrics),
    cwes: [...new Set(cwes)],
    references: cve.references.slice(0, MAX_REFERENCES).map(({ url, tags }) => ({ url, tags })),
    cisa,
    cpeMatches: vulnerableCpeMatches(cve.configurations),
  };
}

/**
 * A negated node or configuration names what must be absent ("not on platform Y"), so its
 * criteria never describe a vulnerable product, whatever their `vulnerable` flag says.
 */
function vulnerableCpeMatches(
  configurations: z.output<typeof configurationSchema>[],
): NvdCpeMatch[] {
  return configurations
    .filter((configuration) => !configuration.negate)
    .flatMap((configuration) => configuration.nodes)
    .filter((node) => !node.negate)
    .flatMap((node) => node.cpeMatch)
    .filter((match) => match.vulnerable)
    .map((match) => ({
      criteria: match.criteria,
      versionStartIncluding: match.versionStartIncluding,
      versionStartExcluding: match.versionStartExcluding,
      versionEndIncluding: match.versionEndIncluding,
      versionEndExcluding: match.versionEndExcluding,
    }));
}

/** The newest CVSS version present, NVD's own ("Primary") score first. */
function bestCvss(metrics: z.output<typeof cveSchema>['metrics']): CvssScore | undefined {
  const byVersion = [metrics?.cvssMetricV31, metrics?.cvssMetricV30, metrics?.cvssMetricV2];
  for (const list of byVersion) {
    if (!list || list.length === 0) continue;
    const metric = list.find((m) => m.type === 'Primary') ?? list[0];
    return {
      version: metric.cvssData.version,
      baseScore: metric.cvssData.baseScore,
      baseSeverity: metric.cvssData.baseSeverity ?? metric.baseSeverity,
      vectorString: metric.cvssData.vectorString,
      source: metric.source,
    };
  }
  return undefined;
}
