import type { Source } from '../../core/answer';
import { capitalised } from '../../skills/security/common';
import { incidentsMatching } from '../../skills/security/match';
import type {
  IncidentQuery,
  IncidentStatus,
  ReadContext,
  SecurityIncident,
} from '../../skills/security/types';
import type { GraphObject } from '../graph/tolerant';
import { RestClient, type RestClientOptions } from '../rest-client';
import { incidentNameOf, incidentNumberOf, toSentinelIncident } from './map-sentinel';

/** The Microsoft Sentinel workspace, as Azure Resource Manager names it. */
export interface SentinelWorkspace {
  subscriptionId: string;
  resourceGroup: string;
  workspaceName: string;
}

export interface SentinelClientOptions extends RestClientOptions {
  workspace: SentinelWorkspace;
}

/** The stable `Microsoft.SecurityInsights` API version Warden is built against. */
export const SENTINEL_API_VERSION = '2024-03-01';

/** Incidents asked for per page; ARM pages on with `nextLink`. */
const PAGE_SIZE = '50';

/** Warden's incident states in Sentinel's spelling; Sentinel has no "redirected". */
const SENTINEL_STATUS: Record<IncidentStatus, string | undefined> = {
  active: 'New',
  inProgress: 'Active',
  resolved: 'Closed',
  redirected: undefined,
};

/**
 * Microsoft Sentinel incidents through Azure Resource Manager (`ARM_BASE_URL`, token scope
 * `<ARM_BASE_URL>/.default`), paged with `nextLink`. Needs the Microsoft Sentinel Reader role on
 * the workspace.
 */
export class SentinelClient extends RestClient {
  readonly workspace: SentinelWorkspace;

  constructor(options: SentinelClientOptions) {
    super(options, {
      name: 'Microsoft Sentinel',
      codePrefix: 'sentinel',
      nextLinkField: 'nextLink',
      forbiddenAdvice:
        'The Warden identity needs the Microsoft Sentinel Reader role on the workspace ' +
        `${options.workspace.workspaceName}; ask an administrator to assign it.`,
      notFoundAdvice:
        'An administrator should check SENTINEL_SUBSCRIPTION_ID, SENTINEL_RESOURCE_GROUP and ' +
        'SENTINEL_WORKSPACE_NAME, and that Microsoft Sentinel is enabled on that workspace.',
      fixedQuery: { 'api-version': SENTINEL_API_VERSION },
    });
    this.workspace = options.workspace;
  }

  /** The workspace's ARM resource id, which the Azure portal's links take too. */
  get workspaceResourceId(): string {
    const { subscriptionId, resourceGroup, workspaceName } = this.workspace;
    return (
      `/subscriptions/${encodeURIComponent(subscriptionId)}` +
      `/resourceGroups/${encodeURIComponent(resourceGroup)}` +
      `/providers/Microsoft.OperationalInsights/workspaces/${encodeURIComponent(workspaceName)}`
    );
  }

  get incidentsPath(): string {
    return `${this.workspaceResourceId}/providers/Microsoft.SecurityInsights/incidents`;
  }
}

/** Sentinel as a reader of incidents: what the merged security source asks of it. */
export interface IncidentReader {
  name: string;
  describe(): Omit<Source, 'retrievedAt'>;
  listIncidents(query: IncidentQuery, read: ReadContext): Promise<SecurityIncident[]>;
  getIncident(incidentId: string, read: ReadContext): Promise<SecurityIncident | undefined>;
}

export function createSentinelIncidents(client: SentinelClient): IncidentReader {
  return {
    name: 'Microsoft Sentinel',
    describe: () => ({
      title: `Microsoft Sentinel — incidents of workspace ${client.workspace.workspaceName}`,
      url: client.urlFor(client.incidentsPath),
      kind: 'telemetry',
    }),
    listIncidents: (query, read) => listIncidents(client, query, read),
    getIncident: (incidentId, read) => getIncident(client, incidentId, read),
  };
}

async function listIncidents(
  client: SentinelClient,
  query: IncidentQuery,
  read: ReadContext,
): Promise<SecurityIncident[]> {
  const status = query.status && SENTINEL_STATUS[query.status];
  if (query.status && status === undefined) return [];
  const filter = [
    query.severity && `properties/severity eq '${capitalised(query.severity)}'`,
    status && `properties/status eq '${status}'`,
    query.since && `properties/createdTimeUtc ge ${query.since.toISOString()}`,
  ].filter(Boolean);
  const page = await client.list({
    path: client.incidentsPath,
    query: {
      $filter: filter.length > 0 ? filter.join(' and ') : undefined,
      $orderby: 'properties/createdTimeUtc desc',
      $top: PAGE_SIZE,
    },
    signal: read.signal,
  });
  const incidents = page.items.map((item) => toSentinelIncident(item));
  return incidentsMatching(incidents, query);
}

/** By number ("2041", as analysts quote it) or by resource name (a GUID). */
async function getIncident(
  client: SentinelClient,
  incidentId: string,
  read: ReadContext,
): Promise<SecurityIncident | undefined> {
  const id = incidentId.trim();
  const raw = /^\d+$/.test(id)
    ? await findByNumber(client, id, read)
    : await client.getOne({
        path: `${client.incidentsPath}/${encodeURIComponent(id)}`,
        signal: read.signal,
      });
  if (!raw) return undefined;

  const path = `${client.incidentsPath}/${encodeURIComponent(incidentNameOf(raw))}`;
  const [alerts, entities] = await Promise.all([
    client.listPosted({ path: `${path}/alerts`, signal: read.signal }),
    client.post({ path: `${path}/entities`, signal: read.signal }, {}),
  ]);
  return toSentinelIncident(raw, alerts.items, entityList(entities));
}

async function findByNumber(client: SentinelClient, number: string, read: ReadContext) {
  const page = await client.list({
    path: client.incidentsPath,
    query: { $filter: `properties/incidentNumber eq ${number}`, $top: '1' },
    signal: read.signal,
  });
  return page.items.find((item) => incidentNumberOf(item) === number);
}

/** The entities call answers `{ entities: [...], metaData: [...] }`, in either casing. */
function entityList(body: GraphObject): GraphObject[] {
  const list = body.entities ?? body.Entities;
  return Array.isArray(list)
    ? list.filter((e): e is GraphObject => e !== null && typeof e === 'object')
    : [];
}
