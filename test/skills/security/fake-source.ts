import { matchesUser } from '../../../src/skills/security/match';
import type {
  DirectoryUser,
  RiskDetection,
  SecurityDataSource,
  SignIn,
} from '../../../src/skills/security/types';

/** A live-looking source (not demo) holding just the users, sign-ins and detections given. */
export function fakeSource(data: {
  users?: DirectoryUser[];
  signIns?: SignIn[];
  riskDetections?: RiskDetection[];
}): SecurityDataSource {
  return {
    name: 'Fabrikam (Microsoft Graph)',
    demo: false,
    describe: (dataset) => ({
      title: `Fabrikam — ${dataset}`,
      url: `https://graph.example/${dataset}`,
      kind: 'telemetry',
    }),
    listIncidents: async () => [],
    getIncident: async () => undefined,
    listSignIns: async (query) =>
      (data.signIns ?? []).filter((s) => !query.user || matchesUser(query.user, s)),
    listRiskyUsers: async () => [],
    listDevices: async () => [],
    findUsers: async (query) => (data.users ?? []).filter((u) => matchesUser(query, u)),
    listNetworkConnections: async () => [],
    listRiskDetections: async (query) =>
      (data.riskDetections ?? []).filter(
        (d) =>
          (!query.user || matchesUser(query.user, d)) &&
          (!query.riskLevel || d.riskLevel === query.riskLevel) &&
          (!query.since || Date.parse(d.activityDateTime) >= query.since.getTime()),
      ),
  };
}

export function directoryUser(overrides: Partial<DirectoryUser> = {}): DirectoryUser {
  return {
    id: 'u-1',
    displayName: 'Sam Taylor',
    userPrincipalName: 'sam.taylor@fabrikam.com',
    accountEnabled: true,
    ...overrides,
  };
}

export function signIn(overrides: Partial<SignIn> = {}): SignIn {
  return {
    id: 's-1',
    createdDateTime: '2025-08-26T10:00:00Z',
    userDisplayName: 'Sam Taylor',
    userPrincipalName: 'sam.taylor@fabrikam.com',
    userId: 'u-1',
    appDisplayName: 'Microsoft Teams',
    ipAddress: '198.51.100.9',
    isInteractive: true,
    riskLevelAggregated: 'none',
    riskLevelDuringSignIn: 'none',
    riskState: 'none',
    riskEventTypes: [],
    status: { errorCode: 0 },
    deviceDetail: {},
    location: { city: 'Oslo', countryOrRegion: 'NO' },
    ...overrides,
  };
}

export function riskDetection(overrides: Partial<RiskDetection> = {}): RiskDetection {
  return {
    id: 'rd-1',
    riskEventType: 'unfamiliarFeatures',
    riskState: 'atRisk',
    riskLevel: 'medium',
    riskDetail: 'none',
    source: 'IdentityProtection',
    detectionTimingType: 'realtime',
    activity: 'signin',
    ipAddress: '198.51.100.9',
    location: { city: 'Oslo', countryOrRegion: 'NO' },
    activityDateTime: '2025-08-26T10:00:00Z',
    detectedDateTime: '2025-08-26T10:00:00Z',
    lastUpdatedDateTime: '2025-08-26T10:00:00Z',
    userId: 'u-1',
    userDisplayName: 'Sam Taylor',
    userPrincipalName: 'sam.taylor@fabrikam.com',
    ...overrides,
  };
}
