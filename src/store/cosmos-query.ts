import type { SqlParameter, SqlQuerySpec } from '@azure/cosmos';
import type { CheckedQuery } from './query';

/**
 * Builds the Cosmos DB SQL for one `Query`. The tenant filter is always in the text: the
 * request's partition key scopes the query in Azure, but emulators such as
 * `@vercel/cosmosdb-server` ignore it, and a query must never cross tenants anywhere.
 *
 * Properties are read with `c["field"]` so names that are SQL keywords (`value`, `top`) still
 * work; field names were checked to be plain identifiers before they get here.
 */
export function buildCosmosQuery(tenantId: string, query: CheckedQuery): SqlQuerySpec {
  const clauses = ['c.tenantId = @tenantId'];
  const parameters: SqlParameter[] = [
    { name: '@tenantId', value: tenantId },
    { name: '@limit', value: query.limit },
  ];

  for (const [index, [field, value]] of query.where.entries()) {
    clauses.push(`c["${field}"] = @w${index}`);
    parameters.push({ name: `@w${index}`, value });
  }

  if (query.range) {
    const { field, gte, lt } = query.range;
    for (const [name, operator, bound] of [
      ['@gte', '>=', gte],
      ['@lt', '<', lt],
    ] as const) {
      if (bound === undefined) continue;
      // Cosmos DB already skips values of another type; the guard says so out loud.
      const typeCheck = typeof bound === 'string' ? 'IS_STRING' : 'IS_NUMBER';
      clauses.push(`${typeCheck}(c["${field}"]) AND c["${field}"] ${operator} ${name}`);
      parameters.push({ name, value: bound });
    }
  }

  let sql = `SELECT TOP @limit * FROM c WHERE ${clauses.join(' AND ')}`;
  if (query.orderBy) {
    // One sort field only: a second one would need a composite index on every container.
    const direction = query.orderBy.direction === 'desc' ? 'DESC' : 'ASC';
    sql += ` ORDER BY c["${query.orderBy.field}"] ${direction}`;
  }
  return { query: sql, parameters };
}
