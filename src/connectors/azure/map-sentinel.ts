import type {
  AlertEvidence,
  IncidentSeverity,
  IncidentStatus,
  SecurityAlert,
  SecurityIncident,
} from '../../skills/security/types';
import {
  type GraphObject,
  child,
  children,
  field,
  oneOf,
  text,
  textOr,
  texts,
} from '../graph/tolerant';

/**
 * Microsoft Sentinel's ARM resources (`Microsoft.SecurityInsights` incidents, their alerts and
 * entities) in Warden's incident model, which is Graph's. Every field is read in any casing.
 * https://learn.microsoft.com/rest/api/securityinsights/incidents
 */

const SEVERITIES: readonly IncidentSeverity[] = ['informational', 'low', 'medium', 'high'];

/** Sentinel's New / Active / Closed in Graph's spelling of the same states. */
const INCIDENT_STATUS: Record<string, IncidentStatus> = {
  new: 'active',
  active: 'inProgress',
  closed: 'resolved',
};

/** Sentinel alert states (Unknown, New, Resolved, Dismissed) in Graph's alert spelling. */
const ALERT_STATUS: Record<string, SecurityAlert['status']> = {
  new: 'new',
  inprogress: 'inProgress',
  resolved: 'resolved',
  dismissed: 'resolved',
};

/** The incident's friendly number, which the portal shows and analysts quote. */
export function incidentNumberOf(raw: GraphObject): string {
  return textOr(child(raw, 'properties'), 'incidentNumber', textOr(raw, 'name', ''));
}

/** The incident's resource name (a GUID), which the alerts and entities calls need. */
export function incidentNameOf(raw: GraphObject): string {
  return textOr(raw, 'name', '');
}

export function toSentinelIncident(
  raw: GraphObject,
  alerts: GraphObject[] = [],
  entities: GraphObject[] = [],
): SecurityIncident {
  const p = child(raw, 'properties');
  const owner = child(p, 'owner');
  const created = textOr(p, 'createdTimeUtc', '');
  const status = text(p, 'status')?.toLowerCase();
  return {
    id: incidentNumberOf(raw),
    displayName: textOr(p, 'title', '(untitled incident)'),
    description: text(p, 'description'),
    severity: oneOf(field(p, 'severity'), SEVERITIES, 'informational'),
    status: (status && INCIDENT_STATUS[status]) || 'active',
    classification: text(p, 'classification'),
    determination: text(p, 'classificationReason'),
    assignedTo:
      text(owner, 'userPrincipalName') ?? text(owner, 'email') ?? text(owner, 'assignedTo'),
    createdDateTime: created,
    lastUpdateDateTime: textOr(p, 'lastModifiedTimeUtc', created),
    incidentWebUrl: text(p, 'incidentUrl'),
    customTags: children(p, 'labels').flatMap((label) => text(label, 'labelName') ?? []),
    alerts: alerts.map(toSentinelAlert),
    entities: entities.flatMap((entity) => {
      const evidence = toEntityEvidence(entity);
      return evidence ? [evidence] : [];
    }),
    provider: 'Microsoft Sentinel',
  };
}

function toSentinelAlert(raw: GraphObject): SecurityAlert {
  const p = child(raw, 'properties');
  const status = text(p, 'status')?.toLowerCase();
  return {
    id: textOr(p, 'systemAlertId', textOr(raw, 'name', '')),
    title: textOr(p, 'alertDisplayName', textOr(p, 'friendlyName', '(untitled alert)')),
    severity: oneOf(field(p, 'severity'), SEVERITIES, 'informational'),
    status: (status && ALERT_STATUS[status]) || 'new',
    category: texts(p, 'tactics')[0],
    serviceSource: text(p, 'productName'),
    createdDateTime: textOr(p, 'timeGenerated', textOr(p, 'startTimeUtc', '')),
    mitreTechniques: texts(p, 'techniques'),
    evidence: [],
  };
}

/**
 * One Sentinel entity as evidence, by its `kind`. Kinds Warden has no column for (registry
 * keys, cloud applications, security groups, ...) are left out rather than shown half-read.
 * https://learn.microsoft.com/azure/sentinel/entities-reference
 */
export function toEntityEvidence(raw: GraphObject): AlertEvidence | undefined {
  const p = child(raw, 'properties');
  const kind = textOr(raw, 'kind', '').toLowerCase();
  const make = (type: AlertEvidence['type'], value?: string, detail?: string) =>
    value === undefined ? undefined : { type, value, detail, roles: [] };
  switch (kind) {
    case 'account':
      return make('user', accountName(p), text(p, 'displayName') ?? text(p, 'friendlyName'));
    case 'host':
      return make('device', hostName(p), text(p, 'osFamily'));
    case 'ip':
      return make('ip', text(p, 'address'));
    case 'url':
      return make('url', text(p, 'url'));
    case 'file':
      return make('file', text(p, 'fileName'), text(p, 'directory'));
    case 'filehash':
      return make('file', text(p, 'hashValue'), text(p, 'algorithm'));
    case 'process':
      return make('process', text(p, 'commandLine') ?? text(p, 'processId'));
    case 'mailbox':
      return make('mailbox', text(p, 'mailboxPrimaryAddress'), text(p, 'displayName'));
    case 'mailmessage':
      return make('mailMessage', text(p, 'subject'), text(p, 'sender'));
    default:
      return undefined;
  }
}

/** `bob.lee` + `contoso.com` is bob.lee@contoso.com; a bare name stays as it is. */
function accountName(p: GraphObject | undefined): string | undefined {
  const name = text(p, 'accountName');
  const suffix = text(p, 'upnSuffix');
  if (name && suffix) return `${name}@${suffix}`;
  return name ?? text(p, 'friendlyName');
}

function hostName(p: GraphObject | undefined): string | undefined {
  const name = text(p, 'hostName');
  const domain = text(p, 'dnsDomain');
  if (name && domain) return `${name}.${domain}`;
  return name ?? text(p, 'netBiosName') ?? text(p, 'friendlyName');
}
