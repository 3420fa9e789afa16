/**
 * What the hunting skills need from Log Analytics. `LogAnalyticsClient` in
 * `src/connectors/azure` satisfies it as is; skills do not import the connector.
 */
export interface KqlRequest {
  query: string;
  /** ISO 8601 duration the query is bounded to, e.g. PT168H. */
  timespan: string;
  signal: AbortSignal;
}

export interface KqlRows {
  /** Rows of the primary result table, keyed by column name. */
  rows: Record<string, unknown>[];
  /** Set when the service stopped early (row or size limit, timeout): the rows may be cut. */
  partialError?: string;
  /** The URL the query was posted to, cited as the source. */
  requestUrl: string;
}

/** Anything that runs KQL: a Log Analytics workspace, or Defender XDR advanced hunting. */
export interface KqlService {
  /** The query endpoint, cited when a query fails before it is sent. */
  readonly queryUrl: string;
  query(request: KqlRequest): Promise<KqlRows>;
}

export interface KqlRunner extends KqlService {
  /** The workspace (customer) id, shown when no friendlier workspace name is configured. */
  readonly workspaceId: string;
}

export interface HuntingOptions {
  /** Rows a hunt or a free-form query may return; appended as `| take N`. */
  maxRows: number;
  /** How far back a query may look, in hours; longer windows are shortened and say so. */
  maxHours: number;
  /** Workspace name shown on cards and sources. Default: the workspace id. */
  workspaceName?: string;
  /**
   * A link that opens the query in the Azure portal, or undefined when none can be made.
   * `portalLogsLinks` builds one from the workspace's resource id.
   */
  portalQueryUrl?: (query: string, timespan?: string) => string | undefined;
}
