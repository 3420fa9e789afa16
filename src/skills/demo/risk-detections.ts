import { createHash } from 'node:crypto';
import type { RiskDetection, SignIn } from '../security/types';
import { ago, type Offset } from './clock';
import { buildSignIns } from './signins';
import { type DemoPerson, displayNameOf, upnOf, userIdOf } from './users';

/**
 * Detections Entra ID Protection raises after the fact rather than during a sign-in. Travel is
 * only judged once the next sign-in is seen, so it lands minutes later.
 * https://learn.microsoft.com/en-us/entra/id-protection/concept-identity-protection-risks
 */
const OFFLINE_SIGN_IN_TYPES: Record<string, number> = {
  impossibleTravel: 10,
  unlikelyTravel: 10,
};

interface UserDetectionSeed {
  who: DemoPerson;
  riskEventType: string;
  riskLevel: RiskDetection['riskLevel'];
  riskState: RiskDetection['riskState'];
  riskDetail: string;
  activity: Offset;
  detected: Offset;
  lastUpdated: Offset;
}

/**
 * Detections about a user rather than a sign-in: Bob Lee's password, harvested by the phishing
 * site of incident 2041, turned up in a leak a day later; Tom Becker's leaked password was reset
 * (why his risky-user entry is remediated); Dan Wu's low risk is anomalous directory activity.
 */
const USER_DETECTIONS: UserDetectionSeed[] = [
  {
    who: 'bob',
    riskEventType: 'leakedCredentials',
    riskLevel: 'high',
    riskState: 'atRisk',
    riskDetail: 'none',
    activity: { days: 1, hours: 6 },
    detected: { days: 1, hours: 5, minutes: 30 },
    lastUpdated: { days: 1, hours: 5, minutes: 30 },
  },
  {
    who: 'dan',
    riskEventType: 'anomalousUserActivity',
    riskLevel: 'low',
    riskState: 'atRisk',
    riskDetail: 'none',
    activity: { days: 6, hours: 3 },
    detected: { days: 6 },
    lastUpdated: { days: 6 },
  },
  {
    who: 'tom',
    riskEventType: 'leakedCredentials',
    riskLevel: 'high',
    riskState: 'remediated',
    riskDetail: 'userPerformedSecuredPasswordReset',
    activity: { days: 9, hours: 4 },
    detected: { days: 9, hours: 2 },
    lastUpdated: { days: 8 },
  },
];

/** A stable hex digest, so demo detections keep their ids from one turn to the next. */
function digestOf(seed: string): string {
  return createHash('sha256').update(seed).digest('hex');
}

/** Graph's detection ids are 64 hex digits; its correlation ids are GUIDs. */
function guidOf(seed: string): string {
  const hex = digestOf(seed);
  const parts = [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20)];
  return [...parts, hex.slice(20, 32)].join('-');
}

function laterBy(iso: string, minutes: number): string {
  return new Date(Date.parse(iso) + minutes * 60 * 1000).toISOString();
}

/** One detection per risk event a risky sign-in names, with that sign-in's IP, place and time. */
function fromSignIn(signIn: SignIn, riskEventType: string): RiskDetection {
  const delayMinutes = OFFLINE_SIGN_IN_TYPES[riskEventType] ?? 0;
  const detected = laterBy(signIn.createdDateTime, delayMinutes);
  return {
    id: digestOf(`detection:${signIn.id}:${riskEventType}`),
    requestId: signIn.id,
    correlationId: guidOf(`correlation:${signIn.id}`),
    riskEventType,
    riskState: signIn.riskState,
    riskLevel: signIn.riskLevelDuringSignIn,
    riskDetail: 'none',
    source: 'IdentityProtection',
    detectionTimingType: delayMinutes > 0 ? 'offline' : 'realtime',
    activity: 'signin',
    tokenIssuerType: 'AzureAD',
    ipAddress: signIn.ipAddress,
    location: { ...signIn.location },
    activityDateTime: signIn.createdDateTime,
    detectedDateTime: detected,
    lastUpdatedDateTime: detected,
    userId: signIn.userId,
    userDisplayName: signIn.userDisplayName,
    userPrincipalName: signIn.userPrincipalName,
  };
}

function fromUserSeed(seed: UserDetectionSeed, now: Date): RiskDetection {
  return {
    id: digestOf(`detection:${seed.who}:${seed.riskEventType}`),
    riskEventType: seed.riskEventType,
    riskState: seed.riskState,
    riskLevel: seed.riskLevel,
    riskDetail: seed.riskDetail,
    source: 'IdentityProtection',
    detectionTimingType: 'offline',
    activity: 'user',
    tokenIssuerType: 'AzureAD',
    location: {},
    activityDateTime: ago(now, seed.activity),
    detectedDateTime: ago(now, seed.detected),
    lastUpdatedDateTime: ago(now, seed.lastUpdated),
    userId: userIdOf(seed.who),
    userDisplayName: displayNameOf(seed.who),
    userPrincipalName: upnOf(seed.who),
  };
}

/**
 * Ten detections behind the demo's risky users: one per risk event of every risky sign-in
 * (Bob Lee's six from the Tor exit, Priya Nair's travel from Lagos), plus three user
 * detections. Built from the sign-ins themselves so ids, IPs and times always agree.
 */
export function buildRiskDetections(now: Date): RiskDetection[] {
  const fromSignIns = buildSignIns(now)
    .filter((s) => s.riskEventTypes.length > 0)
    .flatMap((s) => s.riskEventTypes.map((type) => fromSignIn(s, type)));
  return [...fromSignIns, ...USER_DETECTIONS.map((seed) => fromUserSeed(seed, now))];
}
