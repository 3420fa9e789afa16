import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Microsoft's Teams app manifest schema 1.22, copied verbatim; see the README beside it. */
export const TEAMS_SCHEMA_PATH = path.join(
  __dirname,
  '..',
  'fixtures',
  'schemas',
  'MicrosoftTeams.v1.22.schema.json',
);

export function loadTeamsSchema(): Record<string, unknown> {
  return JSON.parse(readFileSync(TEAMS_SCHEMA_PATH, 'utf8'));
}

/**
 * Keywords whose meaning changed after draft-04: boolean `exclusiveMinimum`/`exclusiveMaximum`
 * and the `id` keyword (a string; a property named `id` is an object). Ajv 8 implements draft-07,
 * which reads every other keyword of a draft-04 schema the same way, so the schema is safe to
 * validate with it only while this list is empty.
 */
export function draft04OnlyKeywords(node: unknown, at = '#'): string[] {
  if (Array.isArray(node))
    return node.flatMap((item, i) => draft04OnlyKeywords(item, `${at}/${i}`));
  if (!node || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) => {
    const here = `${at}/${key}`;
    const changed =
      (['exclusiveMinimum', 'exclusiveMaximum'].includes(key) && typeof value === 'boolean') ||
      (key === 'id' && typeof value === 'string');
    return [...(changed ? [here] : []), ...draft04OnlyKeywords(value, here)];
  });
}

/**
 * Compiles the Teams schema with Ajv's draft-07 engine. The schema names draft-04 in `$schema`,
 * whose meta-schema Ajv 8 does not ship, so that one field is left out; `draft04OnlyKeywords`
 * is what makes this sound. Unknown keywords still fail compilation (Ajv's strictSchema).
 */
export function compileTeamsSchema(): ValidateFunction {
  const { $schema: _draft04, ...schema } = loadTeamsSchema();
  // strictTypes off: the schema leaves `type` implicit beside `additionalProperties` in places.
  const ajv = new Ajv({ allErrors: true, strictTypes: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

export function describeErrors(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message}`);
}
