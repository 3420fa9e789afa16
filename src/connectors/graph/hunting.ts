import { isIP } from 'node:net';
import { ValidationError } from '../../core/errors';
import type {
  NetworkConnection,
  NetworkConnectionQuery,
  ReadContext,
} from '../../skills/security/types';
import type { KqlService } from '../../skills/hunting/types';
import type { GraphClient } from './client';
import { type GraphObject, children, numberOr, text, textOr } from './tolerant';

/** Rows asked of advanced hunting for one IP; the skill shows at most 50 of them. */
const MAX_ROWS = 500;
/** Advanced hunting keeps 30 days of `DeviceNetworkEvents`. */
const DEFAULT_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export const HUNTING_PATH = '/v1.0/security/runHuntingQuery';

/**
 * The KQL run for "which devices talked to this IP". The address is checked to be an IP
 * before it is written into the query, so input can never change the query's shape.
 */
export function networkEventsQuery(query: NetworkConnectionQuery, now: Date): string {
  if (isIP(query.remoteIp) === 0) {
    throw new ValidationError(
      'hunting_ip_invalid',
      `"${query.remoteIp}" is not an IP address; give one such as 185.220.101.4.`,
    );
  }
  const since = query.since ?? new Date(now.getTime() - DEFAULT_DAYS * DAY_MS);
  return [
    'DeviceNetworkEvents',
    `| where Timestamp >= datetime(${since.toISOString()})`,
    `| where RemoteIP == "${query.remoteIp}"`,
    '| project Timestamp, DeviceId, DeviceName, ActionType, LocalIP, RemoteIP, RemotePort,',
    '  RemoteUrl, Protocol, InitiatingProcessFileName, InitiatingProcessAccountUpn',
    '| order by Timestamp desc',
    `| limit ${MAX_ROWS}`,
  ].join('\n');
}

/** Runs the query through Defender XDR advanced hunting (Graph `runHuntingQuery`). */
export async function huntNetworkConnections(
  client: GraphClient,
  query: NetworkConnectionQuery,
  read: ReadContext,
  now: Date,
): Promise<NetworkConnection[]> {
  const body = await client.post(
    { path: HUNTING_PATH, signal: read.signal },
    { Query: networkEventsQuery(query, now) },
  );
  return children(body, 'results').map(toNetworkConnection);
}

function toNetworkConnection(row: GraphObject): NetworkConnection {
  return {
    timestamp: textOr(row, 'Timestamp', ''),
    deviceId: textOr(row, 'DeviceId', ''),
    deviceName: textOr(row, 'DeviceName', ''),
    actionType: textOr(row, 'ActionType', ''),
    localIp: textOr(row, 'LocalIP', ''),
    remoteIp: textOr(row, 'RemoteIP', ''),
    remotePort: numberOr(row, 'RemotePort', 0),
    remoteUrl: text(row, 'RemoteUrl'),
    // The table also says TcpV4, TcpV6 and Icmp; Warden's model knows only Tcp and Udp.
    protocol: /^udp/i.test(textOr(row, 'Protocol', '')) ? 'Udp' : 'Tcp',
    initiatingProcessFileName: text(row, 'InitiatingProcessFileName'),
    initiatingProcessAccountUpn: text(row, 'InitiatingProcessAccountUpn'),
  };
}

/**
 * Defender XDR advanced hunting as a KQL service for the free-form `advanced_hunting` skill.
 * The query arrives already checked and capped; `Timespan` bounds it in time.
 * https://learn.microsoft.com/graph/api/security-security-runhuntingquery
 */
export function createAdvancedHunting(client: GraphClient): KqlService {
  const queryUrl = client.urlFor(HUNTING_PATH);
  return {
    queryUrl,
    async query(request) {
      const body = await client.post(
        { path: HUNTING_PATH, signal: request.signal },
        { Query: request.query, Timespan: request.timespan },
      );
      return { rows: children(body, 'results'), requestUrl: queryUrl };
    },
  };
}
