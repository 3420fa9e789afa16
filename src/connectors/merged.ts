import { UnavailableError, toWardenError } from '../core/errors';
import { newestFirst } from '../skills/security/match';
import type {
  ReadContext,
  SecurityDataSource,
  SecurityIncident,
  SourceReport,
} from '../skills/security/types';
import type { IncidentReader } from './azure/sentinel';

export interface MergedSourceOptions {
  /** Every dataset but incidents comes from here: Microsoft Graph or the demo tenant. */
  base: SecurityDataSource;
  /** Whether the base's own incidents are listed too (Graph: yes; the demo beside Sentinel: no). */
  baseIncidents: boolean;
  /** What the base's incidents are called in a merged list, e.g. "Defender XDR". */
  baseProvider: string;
  /** Further incident products, read side by side with the base: Microsoft Sentinel. */
  readers: IncidentReader[];
}

/**
 * One security source over several products. Incidents are read from every product at once;
 * when one fails the others still answer, and the read's `SourceReport` says which failed so
 * the card can tell the analyst. Only when every product fails does the read fail.
 */
export function mergeIncidentSources(options: MergedSourceOptions): SecurityDataSource {
  const { base } = options;
  const readers: IncidentReader[] = [
    ...(options.baseIncidents ? [baseReader(base, options.baseProvider)] : []),
    ...options.readers,
  ];
  return {
    ...base,
    name: readers.map((reader) => reader.name).join(' and '),
    demo: false,
    describe: (dataset) =>
      dataset === 'incidents' ? readers[0].describe() : base.describe(dataset),

    async listIncidents(query, read) {
      const lists = await readAll(readers, read, (reader, alone) =>
        reader.listIncidents(query, alone),
      );
      const incidents = lists.flatMap(({ reader, value }) =>
        value.map((incident) => withProvider(incident, reader.name)),
      );
      return newestFirst(incidents, (i) => i.createdDateTime);
    },

    /** The first product, in order, that has an incident by this id. */
    async getIncident(incidentId, read) {
      const found = await readAll(readers, read, (reader, alone) =>
        reader.getIncident(incidentId, alone),
      );
      const hit = found.find(({ value }) => value !== undefined);
      return hit?.value && withProvider(hit.value, hit.reader.name);
    },
  };
}

/** The base source's incidents as one reader among several. */
function baseReader(base: SecurityDataSource, provider: string): IncidentReader {
  return {
    name: provider,
    describe: () => base.describe('incidents'),
    listIncidents: (query, read) => base.listIncidents(query, read),
    getIncident: (incidentId, read) => base.getIncident(incidentId, read),
  };
}

/**
 * Runs one read on every product in parallel and reports which answered and which failed.
 * An abort is never a product failure; all products failing is the first product's error.
 */
async function readAll<T>(
  readers: IncidentReader[],
  read: ReadContext,
  run: (reader: IncidentReader, alone: ReadContext) => Promise<T>,
): Promise<{ reader: IncidentReader; value: T }[]> {
  const alone: ReadContext = { tenantId: read.tenantId, signal: read.signal };
  const settled = await Promise.allSettled(readers.map((reader) => run(reader, alone)));
  if (read.signal.aborted) throw read.signal.reason;

  const report: SourceReport = read.report ?? { answered: [], failed: [] };
  const answered: { reader: IncidentReader; value: T }[] = [];
  settled.forEach((outcome, index) => {
    const reader = readers[index];
    if (outcome.status === 'fulfilled') {
      answered.push({ reader, value: outcome.value });
      report.answered.push({ name: reader.name, source: reader.describe() });
    } else {
      const reason = toWardenError(outcome.reason, 'source_failed').userMessage;
      report.failed.push({ name: reader.name, reason });
    }
  });
  const firstFailure = settled.find((outcome) => outcome.status === 'rejected');
  if (answered.length === 0 && firstFailure) throw firstFailure.reason;
  return answered;
}

function withProvider(incident: SecurityIncident, provider: string): SecurityIncident {
  return incident.provider ? incident : { ...incident, provider };
}

/**
 * A source for a deployment whose only live product is an incident one (Sentinel) and whose
 * demo tenant is off: every other dataset fails with what to configure.
 */
export function unconfiguredSource(): SecurityDataSource {
  const fail = async (): Promise<never> => {
    throw new UnavailableError(
      'connector_not_configured',
      'This data comes from Microsoft Graph, which is not configured.',
      {
        userMessage:
          'Sign-ins, users, risky users and devices come from Microsoft Graph, which is not ' +
          'configured here. An administrator can turn it on with GRAPH_ENABLED=true (see the ' +
          'README), or set DEMO_DATA=true to try these questions on the demo tenant.',
      },
    );
  };
  return {
    name: 'Microsoft Graph (not configured)',
    demo: false,
    describe: () => ({ title: 'Microsoft Graph (not configured)', kind: 'telemetry' }),
    listIncidents: fail,
    getIncident: fail,
    listSignIns: fail,
    listRiskyUsers: fail,
    listRiskDetections: fail,
    listDevices: fail,
    findUsers: fail,
    listNetworkConnections: fail,
  };
}
