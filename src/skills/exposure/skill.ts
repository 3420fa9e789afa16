import { z } from 'zod';
import type { Source, Table } from '../../core/answer';
import { NotFoundError } from '../../core/errors';
import { defineSkill } from '../define';
import { firstRows, listInProse, plural } from '../format';
import { fromSource, readContextOf, sourcesOf } from '../security/common';
import type { ManagedDevice, SecurityDataSource } from '../security/types';
import type { FeedLoader } from '../threatintel/feed';
import { KEV_CATALOG_PAGE, type KevCatalog } from '../threatintel/kev';
import { cveIdSchema } from '../threatintel/lookup-cve';
import { nvdDetailUrl } from '../threatintel/nvd';
import type { ThreatIntelOptions } from '../threatintel/options';
import type { Skill, SkillContext } from '../types';
import {
  applicationNames,
  assessDevice,
  type DeviceAssessment,
  isApplicationCve,
  type Verdict,
} from './assess';
import { type CpeRange, parseRanges } from './cpe';
import {
  type KevOutcome,
  kevFacts,
  kevSentence,
  type NvdOutcome,
  nvdGap,
  readKev,
  readNvd,
} from './intel';

const MAX_TABLE_ROWS = 50;
const MAX_NAMED_DEVICES = 5;
const VERDICT_ORDER: Verdict[] = ['exposed', 'unknown', 'not affected'];

const input = z.object({
  cveId: cveIdSchema.describe('The CVE id, for example CVE-2024-38063.'),
});

/** What the skill learnt, before it is put into words. */
interface Findings {
  cveId: string;
  nvd: NvdOutcome;
  kev: KevOutcome;
  ranges: CpeRange[];
  assessments: DeviceAssessment[];
}

/**
 * `device_exposure`: walks every managed device against NVD's affected-product list (CPE
 * ranges) for a CVE and CISA KEV membership. Judged from OS and version only.
 */
export function createDeviceExposureSkill(
  source: SecurityDataSource,
  options: ThreatIntelOptions,
  kev: FeedLoader<KevCatalog>,
): Skill<z.output<typeof input>> {
  return defineSkill({
    name: 'device_exposure',
    description:
      'Answers "which of our devices are exposed to CVE-...?": checks each managed device OS ' +
      "and version against NVD's affected CPE version ranges and CISA KEV. Application CVEs " +
      '(e.g. Log4j) cannot be judged from OS inventory and come back as unknown.',
    input,
    async run({ cveId }, context) {
      const [devices, nvd, kevOutcome] = await Promise.all([
        source.listDevices({}, readContextOf(context)),
        readNvd(context, options, cveId),
        readKev(context, kev, cveId),
      ]);
      throwWhenUnknownCve(cveId, nvd, kevOutcome);

      const ranges = nvd.status === 'found' ? parseRanges(nvd.cve.cpeMatches) : [];
      const assessments = devices
        .map((device) => assess(device, nvd, ranges))
        .sort(byVerdictThenName);
      const findings: Findings = { cveId, nvd, kev: kevOutcome, ranges, assessments };
      const { shown, caption } = firstRows(assessments, MAX_TABLE_ROWS);

      return fromSource(source, {
        data: {
          cveId,
          nvd: nvd.status === 'found' ? { status: nvd.cve.vulnStatus } : { status: nvd.status },
          kevListed: kevOutcome.status === 'unavailable' ? null : kevOutcome.status === 'listed',
          counts: countVerdicts(assessments),
          devices: shown.map(({ device, verdict, why }) => ({
            deviceName: device.deviceName,
            userPrincipalName: device.userPrincipalName,
            operatingSystem: device.operatingSystem,
            osVersion: device.osVersion,
            verdict,
            why,
          })),
        },
        sources: sourcesFor(findings, source, context),
        view: {
          summary: summarise(findings, source.name),
          facts: kevFacts(kevOutcome),
          table: assessments.length === 0 ? undefined : deviceTable(shown, caption),
        },
      });
    },
  });
}

/** With no NVD record there is nothing to judge a device by, and the answer says why. */
function assess(device: ManagedDevice, nvd: NvdOutcome, ranges: CpeRange[]): DeviceAssessment {
  if (nvd.status === 'found') return assessDevice(device, ranges);
  const why =
    nvd.status === 'offline'
      ? 'NVD was not consulted (offline mode).'
      : nvd.status === 'not-found'
        ? 'NVD has no record of this CVE yet.'
        : `NVD could not be reached: ${nvd.error.userMessage}`;
  return { device, verdict: 'unknown', why };
}

/** A CVE that neither NVD nor KEV knows is most likely a mistyped id. */
function throwWhenUnknownCve(cveId: string, nvd: NvdOutcome, kev: KevOutcome): void {
  if (nvd.status !== 'not-found' || kev.status === 'listed') return;
  throw new NotFoundError(
    'cve_not_found',
    `${cveId} is not in NVD, so Warden cannot tell which devices it affects. Check the id; a ` +
      'CVE published in the last few days may not be in NVD yet.',
  );
}

function byVerdictThenName(a: DeviceAssessment, b: DeviceAssessment): number {
  const order = VERDICT_ORDER.indexOf(a.verdict) - VERDICT_ORDER.indexOf(b.verdict);
  return order !== 0 ? order : a.device.deviceName.localeCompare(b.device.deviceName);
}

function countVerdicts(assessments: DeviceAssessment[]): Record<Verdict, number> {
  const counts: Record<Verdict, number> = { exposed: 0, unknown: 0, 'not affected': 0 };
  for (const { verdict } of assessments) counts[verdict] += 1;
  return counts;
}

function deviceTable(shown: DeviceAssessment[], caption: string | undefined): Table {
  return {
    columns: ['Device', 'User', 'OS', 'Version', 'Verdict', 'Why'],
    rows: shown.map(({ device, verdict, why }) => [
      device.deviceName,
      device.userPrincipalName,
      device.operatingSystem,
      device.osVersion,
      verdict,
      why,
    ]),
    caption,
  };
}

function summarise(findings: Findings, sourceName: string): string {
  return `${judgement(findings, sourceName)} ${kevSentence(findings.kev)}`;
}

/** The verdict sentence(s): why nothing could be judged, or who is exposed and how many not. */
function judgement(findings: Findings, sourceName: string): string {
  const { cveId, nvd, ranges, assessments } = findings;
  const devices = plural(assessments.length, 'device');
  if (assessments.length === 0) return `No managed devices in ${sourceName} to check.`;
  if (nvd.status !== 'found') return `${nvdGap(nvd, cveId)} The ${devices} are listed as unknown.`;
  if (ranges.length === 0) {
    const status = nvd.cve.vulnStatus ? ` (NVD status: ${nvd.cve.vulnStatus})` : '';
    return (
      `**OS inventory cannot tell which devices are exposed to ${cveId}** yet: NVD has not ` +
      `listed the affected products${status}. The ${devices} are listed as unknown.`
    );
  }
  if (isApplicationCve(ranges)) {
    return (
      `**OS inventory cannot tell which devices are exposed to ${cveId}**: NVD lists it ` +
      `against applications (${applicationNames(ranges)}), not against the operating systems ` +
      `Intune reports, so the ${devices} are listed as unknown. Check software inventory (for ` +
      'example Defender Vulnerability Management) for those products.'
    );
  }
  return countsSentence(findings, sourceName);
}

function countsSentence({ cveId, assessments }: Findings, sourceName: string): string {
  const counts = countVerdicts(assessments);
  const exposed = assessments.filter((assessment) => assessment.verdict === 'exposed');
  const parts: string[] = [];
  if (exposed.length > 0) {
    const names = exposed.slice(0, MAX_NAMED_DEVICES).map((a) => a.device.deviceName);
    const more = exposed.length > MAX_NAMED_DEVICES ? ' and others' : '';
    parts.push(
      `**${plural(exposed.length, 'device')} exposed to ${cveId}** by OS version: ` +
        `${listInProse(names)}${more}.`,
    );
  } else {
    parts.push(`No device in ${sourceName} is exposed to ${cveId} by its OS version.`);
  }
  if (counts.unknown > 0) {
    parts.push(`${plural(counts.unknown, 'device')} could not be judged from OS data.`);
  }
  parts.push(`${counts['not affected']} not affected.`);
  return parts.join(' ');
}

function sourcesFor(
  { cveId, nvd, kev }: Findings,
  source: SecurityDataSource,
  context: SkillContext,
): Source[] {
  const sources: Source[] = [];
  if (nvd.status === 'found') {
    sources.push({
      title: `NVD — ${cveId}`,
      url: nvdDetailUrl(cveId),
      kind: 'threat-intel',
      retrievedAt: context.now().toISOString(),
    });
  }
  if (kev.status !== 'unavailable') {
    sources.push({
      title: 'CISA Known Exploited Vulnerabilities catalog',
      url: KEV_CATALOG_PAGE,
      kind: 'threat-intel',
      retrievedAt: kev.feed.fetchedAt,
    });
  }
  return [...sources, ...sourcesOf(source, context, 'devices')];
}
