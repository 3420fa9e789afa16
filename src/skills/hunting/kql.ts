import { isIP } from 'node:net';
import { ValidationError } from '../../core/errors';

/**
 * Functions that make the query engine call out of the workspace (HTTP, SQL, other stores).
 * https://learn.microsoft.com/kusto/query/plugins
 */
const CALL_OUT_PLUGINS = [
  'http_request',
  'http_request_post',
  'sql_request',
  'mysql_request',
  'postgresql_request',
  'cosmosdb_sql_request',
  'azure_digital_twins_query_request',
];

/**
 * Functions that read data from outside the configured workspace: other clusters, databases,
 * workspaces, Application Insights apps, Azure resources, or any URL.
 */
const EXTERNAL_READERS = [
  'externaldata',
  'external_table',
  'cluster',
  'database',
  'workspace',
  'app',
  'resource',
  'adx',
];

/**
 * A management command (`.set`, `.drop`, `.ingest` …) at the start or after `;` `|` `(` or space.
 */
const MANAGEMENT_COMMAND = /(^|[\s;|(])\.[a-z_]/i;

/** Request options (`set truncationmaxrecords=…;`) could lift the row and time bounds. */
const SET_STATEMENT = /^set\s+[a-z_]/i;

/** Statements that may come before the one query: they define names, they return nothing. */
const DEFINING_STATEMENT = /^(let|declare)\b/i;

export interface BoundedKql {
  /** The query as sent: the user's text with a row cap appended on its own line. */
  query: string;
  /** ISO 8601 duration sent beside the query, e.g. PT24H. */
  timespan: string;
}

/**
 * Checks that a free-form query can only read this workspace, and bounds it in rows and time.
 * String literals and comments are blanked out first, so `has ".exe"` or `// .drop later` do
 * not count; what remains is matched by pattern rather than parsed, so it errs towards refusing.
 */
export function boundReadOnlyKql(
  text: string,
  limits: { maxRows: number; sinceHours: number },
): BoundedKql {
  checkLimit('maxRows', limits.maxRows);
  checkLimit('sinceHours', limits.sinceHours);
  const query = withoutTrailingSemicolons(text.trim());
  const reason = refusalReason(blankLiterals(query));
  if (reason !== undefined) {
    throw new ValidationError('kql_refused', `Warden runs read-only KQL only: ${reason}.`);
  }
  // On its own line so a trailing `// comment` cannot swallow the cap.
  return { query: `${query}\n| take ${limits.maxRows}`, timespan: `PT${limits.sinceHours}H` };
}

function checkLimit(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) {
    throw new ValidationError('kql_limit_invalid', `${name} must be a whole number above 0.`);
  }
}

function refusalReason(code: string): string | undefined {
  if (code.trim() === '') return 'the query is empty';
  if (MANAGEMENT_COMMAND.test(code)) {
    return 'management commands (starting with ".", such as .set, .drop or .ingest) are refused';
  }
  const statements = topLevelStatements(code);
  if (statements.some((statement) => SET_STATEMENT.test(statement))) {
    return 'request options set with "set …;" are refused';
  }
  const plugin = CALL_OUT_PLUGINS.find((name) => containsWord(code, name));
  if (plugin !== undefined) return `the ${plugin} plugin calls out of the workspace`;
  const external = EXTERNAL_READERS.find((name) => containsCall(code, name));
  if (external !== undefined) return `${external}() reads data from outside this workspace`;
  if (statements.slice(0, -1).some((statement) => !DEFINING_STATEMENT.test(statement))) {
    return 'run one query at a time; only let statements may come before it';
  }
  return undefined;
}

/** Statements split at `;` outside `{ }` (a `let` function body has its own statements). */
function topLevelStatements(code: string): string[] {
  const statements: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < code.length; index++) {
    const char = code[index];
    if (char === '{') depth++;
    if (char === '}') depth = Math.max(0, depth - 1);
    if (char === ';' && depth === 0) {
      statements.push(code.slice(start, index).trim());
      start = index + 1;
    }
  }
  statements.push(code.slice(start).trim());
  return statements.filter((statement) => statement !== '');
}

/** Drops `;` at the end of the query, including one followed only by a comment. */
function withoutTrailingSemicolons(query: string): string {
  let result = query;
  for (;;) {
    const code = blankLiterals(result).trimEnd();
    if (!code.endsWith(';')) return result.trimEnd();
    result = result.slice(0, code.length - 1) + result.slice(code.length);
  }
}

function containsWord(code: string, word: string): boolean {
  return new RegExp(`\\b${word}\\b`, 'i').test(code);
}

/** `cluster("x")`, `database("y")`, `externaldata (…)`: the name followed by `(` or `[`. */
function containsCall(code: string, name: string): boolean {
  return new RegExp(`(^|[^\\w.])${name}\\s*[(\\[]`, 'i').test(code);
}

/**
 * The query with every string literal and comment replaced by spaces (line breaks kept), so
 * positions still line up with the original. Follows the KQL lexical rules for `"…"` and `'…'`
 * (backslash escapes), verbatim `@"…"` (doubled quote escapes), ```…``` and `//` comments:
 * https://learn.microsoft.com/kusto/query/scalar-data-types/string
 */
export function blankLiterals(query: string): string {
  let code = '';
  let index = 0;
  while (index < query.length) {
    const end = literalEnd(query, index);
    if (end === undefined) {
      code += query[index];
      index++;
    } else {
      code += query.slice(index, end).replace(/[^\n]/g, ' ');
      index = end;
    }
  }
  return code;
}

/** Where the comment or string literal starting at `start` ends, or undefined if none does. */
function literalEnd(query: string, start: number): number | undefined {
  const char = query[start];
  if (query.startsWith('//', start)) {
    const lineEnd = query.indexOf('\n', start);
    return lineEnd === -1 ? query.length : lineEnd;
  }
  if (query.startsWith('```', start)) {
    const close = query.indexOf('```', start + 3);
    return close === -1 ? unterminated() : close + 3;
  }
  if (char === '@' && (query[start + 1] === '"' || query[start + 1] === "'")) {
    return verbatimEnd(query, start + 1);
  }
  if (char === '"' || char === "'") return escapedEnd(query, start);
  return undefined;
}

function escapedEnd(query: string, open: number): number {
  const quote = query[open];
  for (let index = open + 1; index < query.length; index++) {
    if (query[index] === '\\') index++;
    else if (query[index] === quote) return index + 1;
  }
  return unterminated();
}

function verbatimEnd(query: string, open: number): number {
  const quote = query[open];
  for (let index = open + 1; index < query.length; index++) {
    if (query[index] !== quote) continue;
    if (query[index + 1] === quote) index++;
    else return index + 1;
  }
  return unterminated();
}

function unterminated(): never {
  throw new ValidationError(
    'kql_refused',
    'Warden runs read-only KQL only: the query has a string literal that is never closed.',
  );
}

/** A KQL string literal for any text: backslash, quote and line breaks escaped. */
export function kqlString(value: string): string {
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\r/g, '\\r')
    .replace(/\n/g, '\\n')
    .replace(/\t/g, '\\t');
  return `"${escaped}"`;
}

/** An IP address as a KQL string literal; anything but an IPv4 or IPv6 address is refused. */
export function kqlIp(value: string): string {
  const ip = value.trim();
  if (isIP(ip) === 0) {
    throw new ValidationError(
      'kql_ip_invalid',
      `"${value}" is not an IPv4 or IPv6 address; give one such as 185.220.101.4.`,
    );
  }
  return kqlString(ip);
}
