import { matchesUser } from '../../../src/skills/security/match';
import type { DirectoryUser, SecurityDataSource, SignIn } from '../../../src/skills/security/types';

/** A live-looking source (not demo) holding just the users and sign-ins a test gives it. */
export function fakeSource(data: {
  users?: DirectoryUser[];
  signIns?: SignIn[];
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
