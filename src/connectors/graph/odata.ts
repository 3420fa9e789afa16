/** OData `$filter` pieces for Graph, with string literals escaped so input cannot break out. */

/** A string literal: single quotes doubled, as OData requires. */
export function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

export function eq(name: string, value: string): string {
  return `${name} eq ${literal(value)}`;
}

export function startsWith(name: string, value: string): string {
  return `startswith(${name},${literal(value)})`;
}

/** Timestamps are unquoted in Graph filters. */
export function atOrAfter(name: string, since: Date): string {
  return `${name} ge ${since.toISOString()}`;
}

export function anyOf(clauses: string[]): string {
  return clauses.length === 1 ? clauses[0] : `(${clauses.join(' or ')})`;
}

/** All clauses joined with `and`; undefined when there are none (no `$filter` at all). */
export function allOf(clauses: (string | undefined)[]): string | undefined {
  const present = clauses.filter((c): c is string => c !== undefined && c !== '');
  return present.length === 0 ? undefined : present.join(' and ');
}
