import { z } from 'zod';
import { UnavailableError, ValidationError } from '../../core/errors';
import { trimText } from '../format';
import type { SkillContext } from '../types';
import { hostOf } from './options';

/** OSV ecosystem names are case-sensitive; people type them every which way. */
const ECOSYSTEM_ALIASES: Record<string, string> = {
  npm: 'npm',
  node: 'npm',
  javascript: 'npm',
  pypi: 'PyPI',
  pip: 'PyPI',
  python: 'PyPI',
  maven: 'Maven',
  java: 'Maven',
  go: 'Go',
  golang: 'Go',
  'crates.io': 'crates.io',
  cargo: 'crates.io',
  rust: 'crates.io',
  nuget: 'NuGet',
  dotnet: 'NuGet',
  rubygems: 'RubyGems',
  gem: 'RubyGems',
  ruby: 'RubyGems',
  packagist: 'Packagist',
  composer: 'Packagist',
  php: 'Packagist',
  pub: 'Pub',
  dart: 'Pub',
  hex: 'Hex',
  erlang: 'Hex',
  elixir: 'Hex',
  hackage: 'Hackage',
  cran: 'CRAN',
  swifturl: 'SwiftURL',
  'github actions': 'GitHub Actions',
  debian: 'Debian',
  ubuntu: 'Ubuntu',
  alpine: 'Alpine',
  'rocky linux': 'Rocky Linux',
  almalinux: 'AlmaLinux',
  'red hat': 'Red Hat',
  suse: 'SUSE',
  opensuse: 'openSUSE',
  wolfi: 'Wolfi',
  android: 'Android',
  linux: 'Linux',
};

/** The OSV spelling of an ecosystem name; unknown names pass through for OSV to judge. */
export function canonicalEcosystem(ecosystem: string): string {
  const trimmed = ecosystem.trim();
  return ECOSYSTEM_ALIASES[trimmed.toLowerCase()] ?? trimmed;
}

export interface OsvVulnerability {
  id: string;
  summary: string;
  aliases: string[];
  /** The advisory database's label (GitHub: LOW, MODERATE, HIGH, CRITICAL), when given. */
  severity?: string;
  /** CVSS vectors as published, e.g. `CVSS:3.1/AV:N/...`. */
  cvssVectors: string[];
  published?: string;
  modified?: string;
  /** Affected version ranges of the queried package, in words. */
  affectedRanges: string[];
  fixedVersions: string[];
  url: string;
}

const eventSchema = z.object({
  introduced: z.string().optional(),
  fixed: z.string().optional(),
  last_affected: z.string().optional(),
  limit: z.string().optional(),
});

const vulnSchema = z.object({
  id: z.string(),
  summary: z.string().optional(),
  details: z.string().optional(),
  aliases: z.array(z.string()).default([]),
  published: z.string().optional(),
  modified: z.string().optional(),
  severity: z.array(z.object({ type: z.string(), score: z.string() })).default([]),
  database_specific: z.record(z.string(), z.unknown()).optional(),
  affected: z
    .array(
      z.object({
        package: z.object({ ecosystem: z.string(), name: z.string() }).optional(),
        ranges: z
          .array(z.object({ type: z.string(), events: z.array(eventSchema).default([]) }))
          .default([]),
      }),
    )
    .default([]),
});

const responseSchema = z.object({
  vulns: z.array(vulnSchema).default([]),
  next_page_token: z.string().optional(),
});

export interface OsvPackageQuery {
  ecosystem: string;
  name: string;
  version: string;
}

const OSV_TIMEOUT_MS = 15000;
/** OSV pages long answers; three pages cover any real package version many times over. */
const MAX_PAGES = 3;

/** Queries OSV for vulnerabilities affecting one version of one package. */
export async function queryOsv(
  context: SkillContext,
  osvApiUrl: string,
  query: OsvPackageQuery,
): Promise<OsvVulnerability[]> {
  const url = `${osvApiUrl.replace(/\/+$/, '')}/query`;
  const vulns: OsvVulnerability[] = [];
  let pageToken: string | undefined;

  for (let page = 0; page < MAX_PAGES; page++) {
    const body = {
      package: { ecosystem: query.ecosystem, name: query.name },
      version: query.version,
      ...(pageToken ? { page_token: pageToken } : {}),
    };
    const response = await context.http.request({
      url,
      method: 'POST',
      body,
      timeoutMs: OSV_TIMEOUT_MS,
      signal: context.signal,
    });
    const parsed = readResponse(response.status, response.json, osvApiUrl);
    vulns.push(...parsed.vulns.map((vuln) => summarise(vuln, query.name)));
    pageToken = parsed.next_page_token;
    if (!pageToken) break;
  }
  return vulns;
}

function readResponse(status: number, json: unknown, osvApiUrl: string) {
  if (status === 400) {
    const reason = (json as { message?: unknown } | undefined)?.message;
    throw new ValidationError(
      'osv_query_invalid',
      `OSV rejected the query${typeof reason === 'string' ? ` (${reason})` : ''}. Check the ` +
        'ecosystem (npm, PyPI, Maven, Go, crates.io, NuGet, RubyGems, ...) and package name.',
    );
  }
  if (status !== 200) {
    throw new UnavailableError('osv_unavailable', `OSV HTTP ${status}`, {
      userMessage: `OSV (${hostOf(osvApiUrl)}) is not answering properly; try again later.`,
      detail: { status },
    });
  }
  const parsed = responseSchema.safeParse(json ?? {});
  if (!parsed.success) {
    throw new UnavailableError('osv_response_invalid', 'OSV answered with an unexpected body', {
      cause: parsed.error,
      userMessage: 'OSV answered with something Warden could not read. Try again later.',
    });
  }
  return parsed.data;
}

function summarise(vuln: z.output<typeof vulnSchema>, packageName: string): OsvVulnerability {
  const forPackage = vuln.affected.filter(
    (a) => a.package?.name.toLowerCase() === packageName.toLowerCase(),
  );
  const ranges = (forPackage.length > 0 ? forPackage : vuln.affected)
    .flatMap((a) => a.ranges)
    .filter((range) => range.type !== 'GIT');
  const severity = vuln.database_specific?.severity;

  return {
    id: vuln.id,
    summary: vuln.summary ?? trimText(vuln.details ?? '', 200),
    aliases: [...new Set(vuln.aliases)],
    severity: typeof severity === 'string' ? severity : undefined,
    cvssVectors: vuln.severity.filter((s) => s.type.startsWith('CVSS')).map((s) => s.score),
    published: vuln.published,
    modified: vuln.modified,
    affectedRanges: ranges.flatMap((range) => describeRange(range.events)),
    fixedVersions: [
      ...new Set(ranges.flatMap((r) => r.events.flatMap((e) => (e.fixed ? [e.fixed] : [])))),
    ],
    url: `https://osv.dev/vulnerability/${encodeURIComponent(vuln.id)}`,
  };
}

/** OSV events read in order: each `introduced` opens a range the next end event closes. */
function describeRange(events: z.output<typeof eventSchema>[]): string[] {
  const ranges: string[] = [];
  let from: string | undefined;
  for (const event of events) {
    if (event.introduced !== undefined) {
      from = event.introduced === '0' ? 'all earlier versions' : `from ${event.introduced}`;
      continue;
    }
    if (from === undefined) continue;
    if (event.fixed) ranges.push(`${from}, fixed in ${event.fixed}`);
    else if (event.last_affected) ranges.push(`${from} up to ${event.last_affected}`);
    else if (event.limit) ranges.push(`${from}, below ${event.limit}`);
    from = undefined;
  }
  if (from !== undefined) ranges.push(`${from}, no fix yet`);
  return ranges;
}
