import type {
  AlertEvidence,
  IncidentSeverity,
  IncidentStatus,
  SecurityAlert,
  SecurityIncident,
} from '../../skills/security/types';
import { type GraphObject, child, children, field, oneOf, text, textOr, texts } from './tolerant';

const SEVERITIES: readonly IncidentSeverity[] = ['informational', 'low', 'medium', 'high'];
const INCIDENT_STATUSES: readonly IncidentStatus[] = [
  'active',
  'inProgress',
  'resolved',
  'redirected',
];
const ALERT_STATUSES: readonly SecurityAlert['status'][] = ['new', 'inProgress', 'resolved'];
const VERDICTS: readonly NonNullable<AlertEvidence['verdict']>[] = [
  'unknown',
  'suspicious',
  'malicious',
  'noThreatsFound',
];

/** A Graph `security/incidents` item, alerts expanded or passed separately. */
export function toIncident(raw: GraphObject, alerts = children(raw, 'alerts')): SecurityIncident {
  return {
    id: textOr(raw, 'id', ''),
    displayName: textOr(raw, 'displayName', '(untitled incident)'),
    description: text(raw, 'description'),
    // Graph also sends `unknown` severity; it reads as informational rather than being dropped.
    severity: oneOf(field(raw, 'severity'), SEVERITIES, 'informational'),
    status: oneOf(field(raw, 'status'), INCIDENT_STATUSES, 'active'),
    classification: text(raw, 'classification'),
    determination: text(raw, 'determination'),
    assignedTo: text(raw, 'assignedTo'),
    createdDateTime: textOr(raw, 'createdDateTime', ''),
    lastUpdateDateTime: textOr(raw, 'lastUpdateDateTime', textOr(raw, 'createdDateTime', '')),
    incidentWebUrl: text(raw, 'incidentWebUrl'),
    customTags: texts(raw, 'customTags'),
    alerts: alerts.map(toAlert),
  };
}

/** A Graph `alerts_v2` alert with its typed evidence flattened. */
export function toAlert(raw: GraphObject): SecurityAlert {
  return {
    id: textOr(raw, 'id', ''),
    title: textOr(raw, 'title', '(untitled alert)'),
    severity: oneOf(field(raw, 'severity'), SEVERITIES, 'informational'),
    status: oneOf(field(raw, 'status'), ALERT_STATUSES, 'new'),
    category: text(raw, 'category'),
    serviceSource: text(raw, 'serviceSource'),
    createdDateTime: textOr(raw, 'createdDateTime', ''),
    mitreTechniques: texts(raw, 'mitreTechniques'),
    evidence: children(raw, 'evidence').flatMap((e) => {
      const evidence = toEvidence(e);
      return evidence ? [evidence] : [];
    }),
  };
}

type Reader = (raw: GraphObject) => Pick<AlertEvidence, 'type' | 'value' | 'detail'> | undefined;

/**
 * Graph evidence types Warden shows, by `@odata.type` suffix. Others (registry keys, cloud
 * applications, ...) are left out of the entity table rather than shown half-read.
 */
const EVIDENCE_READERS: Record<string, Reader> = {
  userevidence: (raw) => {
    const account = child(raw, 'userAccount');
    const upn = text(account, 'userPrincipalName') ?? text(account, 'accountName');
    return upn ? { type: 'user', value: upn, detail: text(account, 'displayName') } : undefined;
  },
  mailboxevidence: (raw) => {
    const address =
      text(raw, 'primaryAddress') ?? text(child(raw, 'userAccount'), 'userPrincipalName');
    return address ? { type: 'mailbox', value: address } : undefined;
  },
  deviceevidence: (raw) => {
    const name = text(raw, 'deviceDnsName') ?? text(raw, 'hostName') ?? text(raw, 'mdeDeviceId');
    return name ? { type: 'device', value: name, detail: text(raw, 'osPlatform') } : undefined;
  },
  ipevidence: (raw) => {
    const ip = text(raw, 'ipAddress');
    return ip ? { type: 'ip', value: ip, detail: text(raw, 'countryLetterCode') } : undefined;
  },
  urlevidence: (raw) => {
    const url = text(raw, 'url');
    return url ? { type: 'url', value: url } : undefined;
  },
  fileevidence: (raw) => {
    const file = child(raw, 'fileDetails');
    const name = text(file, 'fileName');
    return name ? { type: 'file', value: name, detail: text(file, 'sha256') } : undefined;
  },
  processevidence: (raw) => {
    const image = child(raw, 'imageFile');
    const name = text(image, 'fileName');
    return name
      ? { type: 'process', value: name, detail: text(raw, 'processCommandLine') }
      : undefined;
  },
  analyzedmessageevidence: (raw) => {
    const subject = text(raw, 'subject');
    return subject
      ? {
          type: 'mailMessage',
          value: subject,
          detail: text(raw, 'senderIp') ?? text(raw, 'p1Sender'),
        }
      : undefined;
  },
};

export function toEvidence(raw: GraphObject): AlertEvidence | undefined {
  const odataType = textOr(raw, '@odata.type', '').toLowerCase();
  const kind = odataType.slice(odataType.lastIndexOf('.') + 1);
  const read = EVIDENCE_READERS[kind]?.(raw);
  if (!read) return undefined;
  const verdict = field(raw, 'verdict');
  return {
    ...read,
    roles: texts(raw, 'roles'),
    verdict: verdict === undefined ? undefined : oneOf(verdict, VERDICTS, 'unknown'),
  };
}
