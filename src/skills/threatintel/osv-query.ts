import { z } from 'zod';
import type { Source } from '../../core/answer';
import { defineSkill } from '../define';
import { firstRows, listInProse, plural } from '../format';
import type { Skill } from '../types';
import { hostOf, type ThreatIntelOptions } from './options';
import { canonicalEcosystem, type OsvVulnerability, queryOsv } from './osv';

const MAX_TABLE_ROWS = 20;
const MAX_SOURCES = 5;

const input = z.object({
  ecosystem: z
    .string()
    .trim()
    .min(1, { error: 'ecosystem is empty: name one, such as npm, PyPI, Maven or Go.' })
    .max(50)
    .transform(canonicalEcosystem)
    .describe('Package ecosystem as OSV names it: npm, PyPI, Maven, Go, crates.io, NuGet, ...'),
  name: z
    .string()
    .trim()
    .min(1, { error: 'name is empty: give the package name.' })
    .max(214)
    .describe('Package name, e.g. lodash or org.apache.logging.log4j:log4j-core.'),
  version: z
    .string()
    .trim()
    .min(1, { error: 'version is empty: give the exact installed version.' })
    .max(100)
    .describe('The exact package version, e.g. 4.17.20.'),
});

/** `osv_query`: known vulnerabilities of one package version, from OSV.dev. */
export function createOsvQuerySkill(options: ThreatIntelOptions): Skill<z.output<typeof input>> {
  return defineSkill({
    name: 'osv_query',
    description:
      'Lists known vulnerabilities (OSV.dev: GitHub advisories, PyPA, Go, RustSec, ...) that ' +
      'affect one version of an open-source package, with aliases, severity and fixed versions.',
    input,
    async run(query, context) {
      const label = `${query.name} ${query.version} (${query.ecosystem})`;
      if (options.offline) {
        return {
          data: { available: false, reason: 'offline' },
          sources: [],
          view: {
            summary:
              `Offline mode is on, so ${label} was not checked: OSV is queried live. Set ` +
              'THREAT_INTEL_OFFLINE=false and allow outbound HTTPS to ' +
              `${hostOf(options.osvApiUrl)}.`,
          },
        };
      }

      const vulns = await queryOsv(context, options.osvApiUrl, query);
      const retrievedAt = context.now().toISOString();
      const { shown, caption } = firstRows(vulns, MAX_TABLE_ROWS);
      return {
        data: { package: query, count: vulns.length, vulns: shown },
        sources: sourcesFor(vulns, retrievedAt),
        view: {
          summary: summarise(label, vulns),
          table:
            vulns.length === 0
              ? undefined
              : {
                  columns: ['ID', 'Summary', 'Aliases', 'Severity', 'Fixed in'],
                  rows: shown.map((v) => [
                    v.id,
                    v.summary,
                    v.aliases.join(', ') || '—',
                    v.severity ?? (v.cvssVectors[0] || '—'),
                    v.fixedVersions.join(', ') || 'no fix yet',
                  ]),
                  caption,
                },
        },
      };
    },
  });
}

function sourcesFor(vulns: OsvVulnerability[], retrievedAt: string): Source[] {
  if (vulns.length === 0) {
    return [{ title: 'OSV.dev', url: 'https://osv.dev/', kind: 'threat-intel', retrievedAt }];
  }
  return vulns.slice(0, MAX_SOURCES).map((v) => ({
    title: `OSV — ${v.id}`,
    url: v.url,
    kind: 'threat-intel' as const,
    retrievedAt,
  }));
}

function summarise(label: string, vulns: OsvVulnerability[]): string {
  if (vulns.length === 0) return `OSV lists no known vulnerabilities for ${label}.`;
  const fixed = [...new Set(vulns.flatMap((v) => v.fixedVersions))];
  const fixNote =
    fixed.length === 0 ? ' None has a fixed version yet.' : ` Fixed in: ${listInProse(fixed)}.`;
  return (
    `OSV lists ${plural(vulns.length, 'known vulnerability', 'known vulnerabilities')} ` +
    `affecting ${label}.${fixNote}`
  );
}
