import { kqlIp, kqlString } from './kql';

/**
 * The parameterised hunts. Every value from a user reaches the KQL through `kqlString` or
 * `kqlIp` only, so input can change what is matched, never the shape of the query. Time is
 * bounded by the `timespan` sent beside each query, rows by the trailing `take`.
 * Table schemas: https://learn.microsoft.com/azure/azure-monitor/reference/tables/signinlogs
 */

export const HUNT_NAMES = [
  'failed_signins',
  'anomalous_signins',
  'ip_activity',
  'rare_processes',
] as const;

export type HuntName = (typeof HUNT_NAMES)[number];

export interface HuntParams {
  user?: string;
  ip?: string;
  host?: string;
  /** Rows the query may return. */
  take: number;
}

/** A process seen on at most this many devices in the window counts as rare. */
export const RARE_PROCESS_MAX_DEVICES = 3;

const RISK_LEVELS = '("low", "medium", "high")';

/** Failed Entra ID sign-ins for a user and/or an IP, one row per user, IP, code and reason. */
export function failedSignInsQuery(params: HuntParams): string {
  return [
    'SigninLogs',
    '| where ResultType != "0"',
    ...signInFilters(params),
    '| summarize Attempts = count(), FirstSeen = min(TimeGenerated),',
    '    LastSeen = max(TimeGenerated), Apps = make_set(AppDisplayName, 5)',
    '    by UserPrincipalName, IPAddress, ResultType, ResultDescription',
    '| order by Attempts desc',
    `| take ${params.take}`,
  ].join('\n');
}

/** Sign-ins Entra ID Protection rated risky, newest first. */
export function anomalousSignInsQuery(params: HuntParams): string {
  return [
    'SigninLogs',
    `| where RiskLevelDuringSignIn in~ ${RISK_LEVELS}`,
    `    or RiskLevelAggregated in~ ${RISK_LEVELS} or RiskState =~ "atRisk"`,
    ...signInFilters(params),
    '| project TimeGenerated, UserPrincipalName, IPAddress, Location, AppDisplayName,',
    '    RiskLevelDuringSignIn, RiskLevelAggregated, RiskState, RiskEventTypes_V2, ResultType',
    '| order by TimeGenerated desc',
    `| take ${params.take}`,
  ].join('\n');
}

/**
 * What one IP did across the tables Sentinel workspaces commonly hold. `isfuzzy=true` skips
 * a table the workspace does not have instead of failing the whole hunt.
 */
export function ipActivityQuery(params: HuntParams & { ip: string }): string {
  const ip = kqlIp(params.ip);
  return [
    'union isfuzzy=true',
    '  (SigninLogs',
    `    | where IPAddress == ${ip}`,
    '    | extend Table = "SigninLogs",',
    '        Action = iff(ResultType == "0", "Sign-in succeeded", "Sign-in failed"),',
    '        Entity = UserPrincipalName),',
    '  (CommonSecurityLog',
    `    | where SourceIP == ${ip} or DestinationIP == ${ip}`,
    '    | extend Table = "CommonSecurityLog", Action = coalesce(DeviceAction, Activity),',
    '        Entity = strcat(DeviceVendor, " ", DeviceProduct)),',
    '  (DeviceNetworkEvents',
    `    | where RemoteIP == ${ip} or LocalIP == ${ip}`,
    '    | extend Table = "DeviceNetworkEvents", Action = ActionType, Entity = DeviceName)',
    '| summarize Events = count(), FirstSeen = min(TimeGenerated),',
    '    LastSeen = max(TimeGenerated), Seen = make_set(Entity, 10) by Table, Action',
    '| order by Events desc',
    `| take ${params.take}`,
  ].join('\n');
}

/**
 * Processes run on one host that few devices in the organisation ran in the same window,
 * from Defender for Endpoint or from Windows event 4688 (process creation).
 */
export function rareProcessesQuery(params: HuntParams & { host: string }): string {
  return [
    'let processes = union isfuzzy=true',
    '  (DeviceProcessEvents',
    '    | project TimeGenerated, Host = DeviceName, Process = tolower(FileName),',
    '        CommandLine = ProcessCommandLine),',
    '  (SecurityEvent',
    '    | where EventID == 4688',
    '    | project TimeGenerated, Host = Computer,',
    '        Process = tolower(tostring(split(NewProcessName, "\\\\")[-1])), CommandLine);',
    'processes',
    `| where ${hostMatch(params.host)}`,
    '| summarize HostRuns = count(), FirstSeen = min(TimeGenerated),',
    '    LastSeen = max(TimeGenerated), CommandLine = take_any(CommandLine) by Process',
    '| join kind=inner (processes | summarize OrgDevices = dcount(Host) by Process) on Process',
    `| where OrgDevices <= ${RARE_PROCESS_MAX_DEVICES}`,
    '| project Process, OrgDevices, HostRuns, FirstSeen, LastSeen, CommandLine',
    '| order by OrgDevices asc, HostRuns asc',
    `| take ${params.take}`,
  ].join('\n');
}

function signInFilters(params: HuntParams): string[] {
  const filters: string[] = [];
  if (params.user !== undefined) filters.push(`| where ${userMatch(params.user)}`);
  if (params.ip !== undefined) filters.push(`| where IPAddress == ${kqlIp(params.ip)}`);
  return filters;
}

/** A UPN matches exactly; a name matches the start of the UPN or a word of the display name. */
function userMatch(user: string): string {
  if (user.includes('@')) return `UserPrincipalName =~ ${kqlString(user)}`;
  const name = kqlString(user);
  return `UserPrincipalName startswith ${name} or UserDisplayName has ${name}`;
}

/** A device name matches as given or as the short name of a fully qualified one. */
function hostMatch(host: string): string {
  return `Host =~ ${kqlString(host)} or Host startswith ${kqlString(`${host}.`)}`;
}
