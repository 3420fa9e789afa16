import type { Source } from '../../core/answer';
import {
  containsText,
  incidentsMatching,
  matchesUser,
  newestFirst,
} from '../../skills/security/match';
import type {
  DeviceQuery,
  DirectoryUser,
  IncidentQuery,
  ReadContext,
  RiskDetectionQuery,
  SecurityDataSource,
  SecurityDataset,
  SecurityIncident,
  SignInQuery,
} from '../../skills/security/types';
import type { GraphClient } from './client';
import { HUNTING_PATH, huntNetworkConnections } from './hunting';
import { toDirectoryUser, toManagedDevice, toRiskyUser, toSignIn } from './map-directory';
import { toIncident } from './map-incidents';
import { riskEventTypeSpelling, toRiskDetection } from './map-risk';
import { allOf, anyOf, atOrAfter, eq, startsWith } from './odata';
import { children } from './tolerant';

export interface GraphSecurityDataOptions {
  client: GraphClient;
  now: () => Date;
  /** Shown in summaries. Default "Microsoft Graph". */
  name?: string;
}

const PATHS: Record<SecurityDataset, { path: string; title: string }> = {
  incidents: { path: '/v1.0/security/incidents', title: 'Defender XDR incidents' },
  signIns: { path: '/v1.0/auditLogs/signIns', title: 'Entra ID sign-ins' },
  riskyUsers: { path: '/v1.0/identityProtection/riskyUsers', title: 'Entra ID risky users' },
  riskDetections: {
    path: '/v1.0/identityProtection/riskDetections',
    title: 'Entra ID risk detections',
  },
  devices: { path: '/v1.0/deviceManagement/managedDevices', title: 'Intune managed devices' },
  users: { path: '/v1.0/users', title: 'Entra ID users' },
  networkConnections: { path: HUNTING_PATH, title: 'Defender advanced hunting' },
};

const ALERTS_PATH = '/v1.0/security/alerts_v2';
// Not yet: `signInActivity` and MFA registration are not selected (they need AuditLog.Read.All,
// an Entra ID P1 licence and the registration report), so user cards from Graph show neither.
const USER_FIELDS =
  'id,displayName,givenName,surname,userPrincipalName,mail,jobTitle,department,' +
  'officeLocation,accountEnabled,createdDateTime';
/** Users a name may resolve to before sign-ins are asked for; more means the name is vague. */
const MAX_MATCHED_USERS = 10;
const RISKY_LEVELS = ['low', 'medium', 'high'];

/**
 * The organisation's telemetry read live from Microsoft Graph: Defender XDR incidents and
 * alerts, Entra ID sign-ins, risky users, risk detections and users, Intune devices, and
 * network events through advanced hunting. Filters go into `$filter` where Graph supports them
 * and are re-applied in memory, so a lenient server never widens an answer.
 *
 * Not yet: one Graph tenant serves every conversation; `ReadContext.tenantId` is not mapped to a
 * Graph tenant, so run a Graph-connected Warden for one organisation only (README "Limitations").
 */
export function createGraphSecurityData(options: GraphSecurityDataOptions): SecurityDataSource {
  const { client, now } = options;
  const source: SecurityDataSource = {
    name: options.name ?? 'Microsoft Graph',
    demo: false,

    describe(dataset): Omit<Source, 'retrievedAt'> {
      const { path, title } = PATHS[dataset];
      return { title: `Microsoft Graph — ${title}`, url: client.urlFor(path), kind: 'telemetry' };
    },

    listIncidents: (query, read) => listIncidents(client, query, read),
    getIncident: (incidentId, read) => getIncident(client, incidentId, read),
    listSignIns: (query, read) => listSignIns(client, source, query, read),

    async listRiskyUsers(query, read) {
      const filter = query.riskLevel ? eq('riskLevel', query.riskLevel) : undefined;
      const page = await listDataset(client, 'riskyUsers', read, { $filter: filter });
      const users = page.items.map(toRiskyUser);
      return users.filter((u) => !query.riskLevel || u.riskLevel === query.riskLevel);
    },

    listRiskDetections: (query, read) => listRiskDetections(client, source, query, read),
    listDevices: (query, read) => listDevices(client, query, read),
    findUsers: (query, read) => findUsers(client, query, read),
    listNetworkConnections: (query, read) => huntNetworkConnections(client, query, read, now()),
  };
  return source;
}

/** Lists one dataset and tells the skill which exact request answered, for its citation. */
async function listDataset(
  client: GraphClient,
  dataset: SecurityDataset,
  read: ReadContext,
  query: Record<string, string | undefined>,
) {
  const page = await client.list({ path: PATHS[dataset].path, query, signal: read.signal });
  read.cite?.(dataset, page.requestUrl);
  return page;
}

async function listIncidents(
  client: GraphClient,
  query: IncidentQuery,
  read: ReadContext,
): Promise<SecurityIncident[]> {
  const filter = allOf([
    query.severity && eq('severity', query.severity),
    query.status && eq('status', query.status),
    query.since && atOrAfter('createdDateTime', query.since),
  ]);
  const page = await listDataset(client, 'incidents', read, {
    $expand: 'alerts',
    $filter: filter,
    $top: '50',
  });
  const incidents = page.items.map((item) => toIncident(item));
  return incidentsMatching(incidents, query);
}

/** `$expand=alerts` normally carries the alerts; when it does not, alerts_v2 is asked directly. */
async function getIncident(
  client: GraphClient,
  incidentId: string,
  read: ReadContext,
): Promise<SecurityIncident | undefined> {
  const id = incidentId.trim();
  const raw = await client.getOne({
    path: `${PATHS.incidents.path}/${encodeURIComponent(id)}`,
    query: { $expand: 'alerts' },
    signal: read.signal,
  });
  if (!raw) return undefined;
  const expanded = children(raw, 'alerts');
  if (expanded.length > 0 || Array.isArray(raw.alerts)) return toIncident(raw, expanded);

  const alerts = await client.list({
    path: ALERTS_PATH,
    query: { $filter: eq('incidentId', id) },
    signal: read.signal,
  });
  return toIncident(raw, alerts.items);
}

async function listSignIns(
  client: GraphClient,
  source: SecurityDataSource,
  query: SignInQuery,
  read: ReadContext,
) {
  const upns = query.user ? await upnsFor(source, query.user, read) : undefined;
  if (upns !== undefined && upns.length === 0) return [];

  const filter = allOf([
    query.since && atOrAfter('createdDateTime', query.since),
    upns && anyOf(upns.map((upn) => eq('userPrincipalName', upn))),
    query.ipAddress && eq('ipAddress', query.ipAddress),
    query.app && startsWith('appDisplayName', query.app),
    query.riskLevel && eq('riskLevelAggregated', query.riskLevel),
    query.riskyOnly
      ? anyOf(RISKY_LEVELS.map((level) => eq('riskLevelAggregated', level)))
      : undefined,
  ]);
  const page = await listDataset(client, 'signIns', read, { $filter: filter, $top: '500' });
  const wanted = new Set(upns?.map((upn) => upn.toLowerCase()));
  return newestFirst(
    page.items
      .map(toSignIn)
      .filter(
        (s) =>
          (upns === undefined || wanted.has(s.userPrincipalName.toLowerCase())) &&
          (!query.ipAddress || s.ipAddress.toLowerCase() === query.ipAddress.toLowerCase()) &&
          (!query.app || containsText(s.appDisplayName, query.app)) &&
          (!query.riskLevel || s.riskLevelAggregated === query.riskLevel) &&
          (!query.riskyOnly || RISKY_LEVELS.includes(s.riskLevelAggregated)),
      ),
    (s) => s.createdDateTime,
  );
}

/** A type given in any casing is sent, and compared, in Graph's camelCase spelling. */
async function listRiskDetections(
  client: GraphClient,
  source: SecurityDataSource,
  query: RiskDetectionQuery,
  read: ReadContext,
) {
  const upns = query.user ? await upnsFor(source, query.user, read) : undefined;
  if (upns !== undefined && upns.length === 0) return [];

  const type = query.riskEventType ? riskEventTypeSpelling(query.riskEventType) : undefined;
  const filter = allOf([
    query.since && atOrAfter('activityDateTime', query.since),
    upns && anyOf(upns.map((upn) => eq('userPrincipalName', upn))),
    query.riskLevel && eq('riskLevel', query.riskLevel),
    type && eq('riskEventType', type),
  ]);
  const page = await listDataset(client, 'riskDetections', read, { $filter: filter });
  const wanted = new Set(upns?.map((upn) => upn.toLowerCase()));
  return newestFirst(
    page.items
      .map(toRiskDetection)
      .filter(
        (d) =>
          (upns === undefined || wanted.has(d.userPrincipalName.toLowerCase())) &&
          (!query.riskLevel || d.riskLevel === query.riskLevel) &&
          (!type || d.riskEventType === type) &&
          (!query.since || Date.parse(d.activityDateTime) >= query.since.getTime()),
      ),
    (d) => d.activityDateTime,
  );
}

/** A UPN is used as given; a name ("bob", "Bob Lee") is resolved through the directory. */
async function upnsFor(source: SecurityDataSource, user: string, read: ReadContext) {
  if (user.includes('@')) return [user.trim()];
  const users = await source.findUsers(user, read);
  return users.slice(0, MAX_MATCHED_USERS).map((u) => u.userPrincipalName);
}

async function listDevices(client: GraphClient, query: DeviceQuery, read: ReadContext) {
  // Intune's managedDevices accepts few filters reliably; compliance is one. Name and user are
  // matched in memory over the pages read (see GRAPH_MAX_PAGES).
  const filter = query.complianceState ? eq('complianceState', query.complianceState) : undefined;
  const page = await listDataset(client, 'devices', read, { $filter: filter });
  return page.items
    .map(toManagedDevice)
    .filter(
      (d) =>
        (!query.device || containsText(d.deviceName, query.device)) &&
        (!query.user || matchesUser(query.user, d)) &&
        (!query.complianceState || d.complianceState === query.complianceState),
    );
}

async function findUsers(
  client: GraphClient,
  query: string,
  read: ReadContext,
): Promise<DirectoryUser[]> {
  const wanted = query.trim();
  if (wanted === '') return [];
  const filter = wanted.includes('@')
    ? eq('userPrincipalName', wanted)
    : anyOf(
        ['displayName', 'givenName', 'surname', 'userPrincipalName'].map((name) =>
          startsWith(name, wanted),
        ),
      );
  const page = await listDataset(client, 'users', read, {
    $filter: filter,
    $select: USER_FIELDS,
    $top: '25',
  });
  return page.items.map(toDirectoryUser).filter((u) => matchesUser(wanted, u));
}
