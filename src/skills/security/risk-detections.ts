import { z } from 'zod';
import type { Table } from '../../core/answer';
import { defineSkill } from '../define';
import { firstRows, formatDateTime, listInProse, plural } from '../format';
import type { Skill } from '../types';
import {
  capitalised,
  fromSource,
  isUnknownUser,
  readContextOf,
  riskLevelSchema,
  sinceDate,
  sinceDaysSchema,
  sourcesOf,
  userSchema,
  windowPhrase,
} from './common';
import { newestFirst } from './match';
import type { RiskDetection, SecurityDataSource } from './types';

/**
 * The names Entra ID Protection shows for each `riskEventType`, so answers use the words an
 * analyst sees in the portal. Both travel types are "Atypical travel" there; the older
 * `impossibleTravel` spelling still appears in sign-in logs.
 * https://learn.microsoft.com/en-us/entra/id-protection/concept-identity-protection-risks
 */
const RISK_EVENT_LABELS: Readonly<Record<string, string>> = {
  adminConfirmedUserCompromised: 'Admin confirmed user compromised',
  anomalousToken: 'Anomalous token',
  anomalousUserActivity: 'Anomalous user activity',
  anonymizedIPAddress: 'Anonymous IP address',
  attackerinTheMiddle: 'Attacker in the middle',
  attemptedPrtAccess: 'Possible attempt to access Primary Refresh Token',
  generic: 'Additional risk detected',
  impossibleTravel: 'Atypical travel',
  investigationsThreatIntelligence: 'Microsoft Entra threat intelligence',
  investigationsThreatIntelligenceSigninLinked: 'Microsoft Entra threat intelligence (sign-in)',
  leakedCredentials: 'Leaked credentials',
  maliciousIPAddress: 'Malicious IP address',
  malwareInfectedIPAddress: 'Malware-linked IP address',
  mcasImpossibleTravel: 'Impossible travel',
  mcasSuspiciousInboxManipulationRules: 'Suspicious inbox manipulation rules',
  newCountry: 'New country',
  passwordSpray: 'Password spray',
  riskyIPAddress: 'Activity from anonymous IP address',
  suspiciousAPITraffic: 'Suspicious API traffic',
  suspiciousBrowser: 'Suspicious browser',
  suspiciousInboxForwarding: 'Suspicious inbox forwarding',
  suspiciousSendingPatterns: 'Suspicious sending patterns',
  tokenIssuerAnomaly: 'Token issuer anomaly',
  unfamiliarFeatures: 'Unfamiliar sign-in properties',
  unlikelyTravel: 'Atypical travel',
  userReportedSuspiciousActivity: 'User reported suspicious activity',
};

/** Graph's spelling of every `riskEventType` Warden has a name for. */
export const KNOWN_RISK_EVENT_TYPES: readonly string[] = Object.keys(RISK_EVENT_LABELS);

/** The portal's name for a risk event type; a type Warden does not know is shown as sent. */
export function riskEventLabel(riskEventType: string): string {
  return Object.hasOwn(RISK_EVENT_LABELS, riskEventType)
    ? RISK_EVENT_LABELS[riskEventType]
    : riskEventType;
}

/** Entra ID P2 keeps risk detections for 90 days; longer windows are shortened and said so. */
const RISK_DETECTION_RETENTION_DAYS = 90;
const DEFAULT_DAYS = 30;
const MAX_TABLE_ROWS = 50;
const OPEN_RISK_STATES = new Set(['atRisk', 'confirmedCompromised']);

const input = z.object({
  user: userSchema.optional().describe('UPN, display name or first name, e.g. "bob".'),
  riskLevel: riskLevelSchema.optional(),
  sinceDays: sinceDaysSchema.optional().describe('How many days back to look. Default 30.'),
});

type Input = z.output<typeof input>;

/** `list_risk_detections`: why Entra ID Protection rated users and sign-ins risky. */
export function createListRiskDetectionsSkill(source: SecurityDataSource): Skill<Input> {
  return defineSkill({
    name: 'list_risk_detections',
    description:
      'Lists Entra ID Protection risk detections, the reasons a user or sign-in is risky: ' +
      'leaked credentials, anonymous IP address, atypical travel, unfamiliar sign-in ' +
      'properties and more, with risk level, state, IP and location. Filter by user (UPN, ' +
      'name or first name), risk level and days back.',
    input,
    async run(query, context) {
      const window = detectionWindow(query.sinceDays ?? DEFAULT_DAYS);
      const found = await source.listRiskDetections(
        {
          user: query.user,
          riskLevel: query.riskLevel,
          since: sinceDate(context, window.days),
        },
        readContextOf(context),
      );
      const detections = newestFirst(found, (d) => d.activityDateTime);
      const { shown, caption } = firstRows(detections, MAX_TABLE_ROWS);
      const unknownUser = await isUnknownUser(source, context, query.user, detections);
      const summary = unknownUser
        ? `No user matches "${query.user}" in ${source.name}.`
        : summarise(detections, query, window.days, source.name);

      return fromSource(source, {
        data: {
          count: detections.length,
          days: window.days,
          byType: countsByLabel(detections),
          riskDetections: shown.map(compactDetection),
        },
        sources: sourcesOf(source, context, 'riskDetections'),
        view: {
          summary: [summary, window.note].filter(Boolean).join(' '),
          table: detections.length === 0 ? undefined : detectionTable(shown, caption),
        },
      });
    },
  });
}

function detectionWindow(requestedDays: number): { days: number; note?: string } {
  if (requestedDays <= RISK_DETECTION_RETENTION_DAYS) return { days: requestedDays };
  return {
    days: RISK_DETECTION_RETENTION_DAYS,
    note:
      `Entra ID Protection keeps risk detections for ${RISK_DETECTION_RETENTION_DAYS} days, ` +
      `so this covers the last ${RISK_DETECTION_RETENTION_DAYS}.`,
  };
}

/** Detection names with how often each occurred, most frequent first. */
function countsByLabel(detections: RiskDetection[]): { label: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const d of detections) {
    const label = riskEventLabel(d.riskEventType);
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return [...counts]
    .map(([label, count]) => ({ label, count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

function summarise(detections: RiskDetection[], query: Input, days: number, name: string) {
  const kind = query.riskLevel ? `${query.riskLevel}-risk detection` : 'risk detection';
  const scope = `${query.user ? ` for ${query.user}` : ''}${windowPhrase(days)}`;
  if (detections.length === 0) return `No ${kind}s${scope} in ${name}.`;

  const types = countsByLabel(detections).map(({ label, count }) => `${label} (${count})`);
  const parts = [`${plural(detections.length, kind)}${scope}: ${types.join(', ')}.`];
  const open = detections.filter((d) => OPEN_RISK_STATES.has(d.riskState));
  if (open.length === 0) {
    parts.push('None is still at risk.');
  } else {
    const users = [...new Set(open.map((d) => d.userDisplayName))].slice(0, 4);
    parts.push(`${open.length} still at risk (${listInProse(users)}).`);
  }
  return parts.join(' ');
}

function placeOf(detection: RiskDetection): string {
  const { city, countryOrRegion } = detection.location;
  return [city, countryOrRegion].filter(Boolean).join(', ') || '—';
}

function detectionTable(detections: RiskDetection[], caption?: string): Table {
  return {
    columns: ['When', 'User', 'Detection', 'Risk', 'State', 'IP', 'Location'],
    rows: detections.map((d) => [
      formatDateTime(d.activityDateTime),
      d.userPrincipalName,
      riskEventLabel(d.riskEventType),
      capitalised(d.riskLevel),
      d.riskState,
      d.ipAddress ?? '—',
      placeOf(d),
    ]),
    caption,
  };
}

function compactDetection(detection: RiskDetection) {
  return {
    activityDateTime: detection.activityDateTime,
    detectedDateTime: detection.detectedDateTime,
    userPrincipalName: detection.userPrincipalName,
    riskEventType: detection.riskEventType,
    detection: riskEventLabel(detection.riskEventType),
    riskLevel: detection.riskLevel,
    riskState: detection.riskState,
    riskDetail: detection.riskDetail,
    detectionTimingType: detection.detectionTimingType,
    ipAddress: detection.ipAddress,
    location: placeOf(detection),
    requestId: detection.requestId,
  };
}
