import { z } from 'zod';
import type { Fact, Source, Table } from '../../core/answer';
import { NotFoundError } from '../../core/errors';
import { defineSkill } from '../define';
import { firstRows, formatDateTime, listInProse, plural } from '../format';
import { defang } from '../indicators/defang';
import type { Skill, SkillContext } from '../types';
import {
  capitalised,
  failedSourcesNote,
  fromSource,
  incidentStatusSchema,
  reportedName,
  reportedSources,
  reportingRead,
  severitySchema,
  sinceDate,
  sinceDaysSchema,
  statusLabel,
  windowPhrase,
} from './common';
import { newestFirst } from './match';
import type { AlertEvidence, SecurityDataSource, SecurityIncident } from './types';

const MAX_TABLE_ROWS = 25;
const SEVERITY_ORDER = ['high', 'medium', 'low', 'informational'] as const;

const listInput = z.object({
  severity: severitySchema.optional(),
  status: incidentStatusSchema.optional(),
  sinceDays: sinceDaysSchema.optional().describe('Only incidents created in the last N days.'),
});

/** `list_incidents`: security incidents, filtered by severity, status and age. */
export function createListIncidentsSkill(
  source: SecurityDataSource,
): Skill<z.output<typeof listInput>> {
  return defineSkill({
    name: 'list_incidents',
    description:
      'Lists security incidents (Microsoft Defender XDR / Sentinel) with severity, status, owner ' +
      'and creation time. Filter by severity, status and age in days.',
    input: listInput,
    async run(query, context) {
      const since = sinceDate(context, query.sinceDays);
      const { read, report } = reportingRead(context);
      const found = await source.listIncidents({ ...query, since }, read);
      const incidents = newestFirst(found, (i) => i.createdDateTime);
      const { shown, caption } = firstRows(incidents, MAX_TABLE_ROWS);

      return fromSource(source, {
        data: {
          count: incidents.length,
          incidents: shown.map(compactIncident),
          failedSources: report.failed.length > 0 ? report.failed : undefined,
        },
        sources: [
          ...reportedSources(source, context, 'incidents', report),
          ...incidentLinks(source, context, shown.slice(0, MAX_INCIDENT_LINKS)),
        ],
        view: {
          summary:
            summariseList(incidents, reportedName(source, report), query.sinceDays) +
            failedSourcesNote(report),
          table: incidents.length === 0 ? undefined : incidentTable(shown, caption),
        },
      });
    },
  });
}

/** Portal links cited for a list; the rest are one click away in the product's own list. */
const MAX_INCIDENT_LINKS = 5;

/**
 * Each live incident's own page in its product's portal (Defender XDR, Sentinel), so every row
 * can be opened where it came from. The demo tenant's pages do not exist, so none are cited.
 */
function incidentLinks(
  source: SecurityDataSource,
  context: SkillContext,
  incidents: SecurityIncident[],
): Source[] {
  if (source.demo) return [];
  const retrievedAt = context.now().toISOString();
  return incidents.flatMap((incident) =>
    incident.incidentWebUrl
      ? [
          {
            title: `Incident ${incident.id}${providerNote(incident)} — portal page`,
            url: incident.incidentWebUrl,
            kind: 'telemetry' as const,
            retrievedAt,
          },
        ]
      : [],
  );
}

function providerNote(incident: SecurityIncident): string {
  return incident.provider ? ` (${incident.provider})` : '';
}

function compactIncident(incident: SecurityIncident) {
  return {
    id: incident.id,
    displayName: incident.displayName,
    severity: incident.severity,
    status: incident.status,
    assignedTo: incident.assignedTo,
    createdDateTime: incident.createdDateTime,
    alertCount: incident.alerts.length,
    provider: incident.provider,
  };
}

/** The ID column names the product when incidents of several products are listed together. */
function incidentTable(incidents: SecurityIncident[], caption?: string): Table {
  const providers = new Set(incidents.map((i) => i.provider));
  return {
    columns: ['ID', 'Title', 'Severity', 'Status', 'Assigned to', 'Created'],
    rows: incidents.map((i) => [
      providers.size > 1 && i.provider ? `${i.id} (${i.provider})` : i.id,
      i.displayName,
      capitalised(i.severity),
      capitalised(statusLabel(i.status)),
      i.assignedTo ?? 'unassigned',
      formatDateTime(i.createdDateTime),
    ]),
    caption,
  };
}

function summariseList(incidents: SecurityIncident[], sourceName: string, days?: number): string {
  const where = `in ${sourceName}${windowPhrase(days)}`;
  if (incidents.length === 0) return `No incidents match ${where}.`;
  const bySeverity = SEVERITY_ORDER.map((severity) => ({
    severity,
    count: incidents.filter((i) => i.severity === severity).length,
  }))
    .filter((entry) => entry.count > 0)
    .map((entry) => `${entry.count} ${entry.severity}`);
  const open = incidents.filter((i) => i.status === 'active' || i.status === 'inProgress').length;
  return (
    `${plural(incidents.length, 'incident')} ${where}: ${listInProse(bySeverity)} severity; ` +
    `${open} still open.`
  );
}

const getInput = z.object({
  incidentId: z
    .string()
    .trim()
    .min(1, { error: 'incidentId is empty: give the incident number, such as 2041.' })
    .max(64)
    .transform(normaliseIncidentId)
    .describe('The incident id or number, for example "2041".'),
});

/** "#2041", "inc-2041-phishing" and "2041" all mean incident 2041. */
function normaliseIncidentId(value: string): string {
  const number = /^(?:#|inc-?|incident\s*)?(\d+)(?:-[\w-]*)?$/i.exec(value);
  return number ? number[1] : value;
}

/** `get_incident`: one incident with its alerts and the entities they involve. */
export function createGetIncidentSkill(
  source: SecurityDataSource,
): Skill<z.output<typeof getInput>> {
  return defineSkill({
    name: 'get_incident',
    description:
      'Gets one security incident by id with its alerts, MITRE techniques and the entities ' +
      'involved (users, mailboxes, devices, IPs, URLs, files).',
    input: getInput,
    async run({ incidentId }, context) {
      const { read, report } = reportingRead(context);
      const incident = await source.getIncident(incidentId, read);
      if (!incident) {
        throw new NotFoundError(
          'incident_not_found',
          `Incident ${incidentId} was not found in ${source.name}. Check the number, or ask ` +
            'for the list of recent incidents.' +
            report.failed
              .map(({ name, reason }) => ` ${name} could not be read (${reason}); try again later.`)
              .join(''),
        );
      }
      const entities = entitiesOf(incident);

      return fromSource(source, {
        data: { ...incident, entities },
        sources: [
          ...reportedSources(source, context, 'incidents', report),
          ...incidentLinks(source, context, [incident]),
        ],
        view: {
          summary: summariseIncident(incident, entities) + failedSourcesNote(report),
          facts: incidentFacts(incident),
          table: entities.length === 0 ? undefined : entityTable(entities),
        },
      });
    },
  });
}

/**
 * Evidence of all alerts, each entity once, keeping the first alert that named it; then the
 * incident's own entities (Sentinel's), which belong to no one alert.
 */
function entitiesOf(incident: SecurityIncident): (AlertEvidence & { alert: string })[] {
  const seen = new Map<string, AlertEvidence & { alert: string }>();
  const add = (evidence: AlertEvidence, alert: string) => {
    const key = `${evidence.type}:${evidence.value.toLowerCase()}`;
    if (!seen.has(key)) seen.set(key, { ...evidence, alert });
  };
  for (const alert of incident.alerts) {
    for (const evidence of alert.evidence) add(evidence, alert.title);
  }
  for (const evidence of incident.entities ?? []) add(evidence, '(incident)');
  return [...seen.values()];
}

function incidentFacts(incident: SecurityIncident): Fact[] {
  const techniques = [...new Set(incident.alerts.flatMap((a) => a.mitreTechniques))];
  const facts: Fact[] = [
    { label: 'Severity', value: capitalised(incident.severity) },
    { label: 'Status', value: capitalised(statusLabel(incident.status)) },
    { label: 'Assigned to', value: incident.assignedTo ?? 'unassigned' },
    { label: 'Created', value: formatDateTime(incident.createdDateTime) },
    { label: 'Last update', value: formatDateTime(incident.lastUpdateDateTime) },
    { label: 'Alerts', value: incident.alerts.map((a) => a.title).join('; ') || 'none' },
  ];
  if (incident.classification) {
    facts.push({ label: 'Classification', value: incident.classification });
  }
  if (techniques.length > 0)
    facts.push({ label: 'MITRE techniques', value: techniques.join(', ') });
  return facts;
}

const EVIDENCE_LABELS: Record<AlertEvidence['type'], string> = {
  user: 'User',
  mailbox: 'Mailbox',
  device: 'Device',
  ip: 'IP address',
  url: 'URL',
  file: 'File',
  process: 'Process',
  mailMessage: 'E-mail',
};

/** URLs are defanged so a chat client neither links nor previews them. */
function shownValue(evidence: AlertEvidence): string {
  return evidence.type === 'url' ? defang(evidence.value) : evidence.value;
}

function entityTable(entities: (AlertEvidence & { alert: string })[]): Table {
  return {
    columns: ['Type', 'Entity', 'Detail', 'Role', 'Alert'],
    rows: entities.map((e) => [
      EVIDENCE_LABELS[e.type],
      shownValue(e),
      e.detail ?? '—',
      e.roles.join(', ') || '—',
      e.alert,
    ]),
  };
}

function summariseIncident(
  incident: SecurityIncident,
  entities: (AlertEvidence & { alert: string })[],
): string {
  const key = entities
    .filter((e) => e.type === 'user' || e.type === 'device' || e.type === 'ip')
    .map(shownValue)
    .slice(0, 4);
  const involves = key.length > 0 ? ` Involves ${listInProse(key)}.` : '';
  return (
    `**Incident ${incident.id}: ${incident.displayName}** (${incident.severity} severity, ` +
    `${statusLabel(incident.status)}), with ${plural(incident.alerts.length, 'alert')}.${involves}`
  );
}
