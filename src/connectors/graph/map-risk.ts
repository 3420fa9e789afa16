import { KNOWN_RISK_EVENT_TYPES } from '../../skills/security/risk-detections';
import type { RiskDetection, RiskLevel } from '../../skills/security/types';
import { type GraphObject, child, field, oneOf, text, textOr } from './tolerant';

const RISK_LEVELS: readonly RiskLevel[] = ['none', 'low', 'medium', 'high', 'hidden'];
const RISK_STATES: readonly RiskDetection['riskState'][] = [
  'none',
  'atRisk',
  'confirmedSafe',
  'remediated',
  'dismissed',
  'confirmedCompromised',
];
const TIMING_TYPES: readonly RiskDetection['detectionTimingType'][] = [
  'notDefined',
  'realtime',
  'nearRealtime',
  'offline',
];
const ACTIVITIES: readonly RiskDetection['activity'][] = ['signin', 'user', 'unknownFutureValue'];
/** Graph spells this enum in PascalCase, unlike the others. */
const TOKEN_ISSUERS = [
  'AzureAD',
  'ADFederationServices',
  'AzureADBackupAuth',
  'ADFederationServicesMFAAdapter',
  'NPSExtension',
  'UnknownFutureValue',
];

/** The known value this one is, whatever its casing. */
function knownSpelling(value: string, known: readonly string[]): string | undefined {
  const wanted = value.trim().toLowerCase();
  return known.find((option) => option.toLowerCase() === wanted);
}

/**
 * A known value in its canonical spelling; an unknown one in camelCase
 * (`UserPerformedSecuredPasswordReset` → `userPerformedSecuredPasswordReset`), which is how
 * Graph spells the values of the identity protection enums it sends in either casing.
 */
function camelSpelling(value: string, known: readonly string[]): string {
  return knownSpelling(value, known) ?? value.charAt(0).toLowerCase() + value.slice(1);
}

/** Graph's spelling of a risk event type given in any casing (`LeakedCredentials`). */
export function riskEventTypeSpelling(value: string): string {
  return camelSpelling(value.trim(), KNOWN_RISK_EVENT_TYPES);
}

/** A Graph `identityProtection/riskDetections` item. */
export function toRiskDetection(raw: GraphObject): RiskDetection {
  const location = child(raw, 'location');
  return {
    id: textOr(raw, 'id', ''),
    requestId: text(raw, 'requestId'),
    correlationId: text(raw, 'correlationId'),
    riskEventType: riskEventTypeSpelling(textOr(raw, 'riskEventType', 'generic')),
    riskState: oneOf(field(raw, 'riskState'), RISK_STATES, 'none'),
    riskLevel: oneOf(field(raw, 'riskLevel'), RISK_LEVELS, 'none'),
    riskDetail: camelSpelling(textOr(raw, 'riskDetail', 'none'), []),
    source: textOr(raw, 'source', 'IdentityProtection'),
    detectionTimingType: oneOf(field(raw, 'detectionTimingType'), TIMING_TYPES, 'notDefined'),
    activity: oneOf(field(raw, 'activity'), ACTIVITIES, 'unknownFutureValue'),
    tokenIssuerType: tokenIssuerOf(text(raw, 'tokenIssuerType')),
    ipAddress: text(raw, 'ipAddress'),
    location: {
      city: text(location, 'city'),
      state: text(location, 'state'),
      countryOrRegion: text(location, 'countryOrRegion'),
    },
    activityDateTime: textOr(raw, 'activityDateTime', ''),
    detectedDateTime: textOr(raw, 'detectedDateTime', ''),
    lastUpdatedDateTime: textOr(raw, 'lastUpdatedDateTime', ''),
    userId: textOr(raw, 'userId', ''),
    userDisplayName: textOr(raw, 'userDisplayName', textOr(raw, 'userPrincipalName', '')),
    userPrincipalName: textOr(raw, 'userPrincipalName', ''),
    additionalInfo: text(raw, 'additionalInfo'),
  };
}

function tokenIssuerOf(value: string | undefined): string | undefined {
  return value === undefined ? undefined : (knownSpelling(value, TOKEN_ISSUERS) ?? value);
}
