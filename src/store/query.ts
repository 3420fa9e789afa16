import { ValidationError } from '../core/errors';
import type { FieldValue, Query } from './types';

export const DEFAULT_QUERY_LIMIT = 100;
export const MAX_QUERY_LIMIT = 1000;

/**
 * Field names end up inside SQL text (a JSON path in SQLite, a property path in Cosmos DB), so
 * only plain identifiers are accepted; values are always bound as parameters.
 */
const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

export interface CheckedQuery {
  where: Array<[field: string, value: FieldValue]>;
  range?: { field: string; gte?: string | number; lt?: string | number };
  orderBy?: { field: string; direction: 'asc' | 'desc' };
  limit: number;
}

export function checkQuery(query: Query = {}): CheckedQuery {
  const where = Object.entries(query.where ?? {});
  for (const [field, value] of where) {
    checkField(field);
    checkValue(field, value);
  }
  if (query.range) checkRange(query.range);
  if (query.orderBy) {
    checkField(query.orderBy.field);
    if (query.orderBy.direction !== 'asc' && query.orderBy.direction !== 'desc') {
      throw invalid(`orderBy.direction must be "asc" or "desc".`);
    }
  }
  return { where, range: query.range, orderBy: query.orderBy, limit: checkLimit(query.limit) };
}

function checkField(field: string): void {
  if (!FIELD_NAME.test(field)) {
    throw invalid(
      `Query field "${field.slice(0, 40)}" is not a plain top-level field name: use letters, ` +
        'digits and underscores only.',
    );
  }
}

function checkValue(field: string, value: unknown): void {
  const ok =
    value === null ||
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value));
  if (!ok) {
    throw invalid(`Query value for "${field}" must be a string, finite number, boolean or null.`);
  }
}

function checkRange(range: NonNullable<Query['range']>): void {
  checkField(range.field);
  if (range.gte === undefined && range.lt === undefined) {
    throw invalid(`Query range on "${range.field}" needs gte, lt or both.`);
  }
  for (const bound of [range.gte, range.lt]) {
    if (bound === undefined) continue;
    if (typeof bound !== 'string' && !(typeof bound === 'number' && Number.isFinite(bound))) {
      throw invalid(`Query range bounds on "${range.field}" must be strings or finite numbers.`);
    }
  }
}

function checkLimit(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_QUERY_LIMIT;
  if (!Number.isInteger(limit) || limit < 1) {
    throw invalid(`Query limit must be a whole number of at least 1; got ${limit}.`);
  }
  return Math.min(limit, MAX_QUERY_LIMIT);
}

function invalid(message: string): ValidationError {
  return new ValidationError('store_query_invalid', message);
}
