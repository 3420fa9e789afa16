import nock from 'nock';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AccessToken, TokenCredential } from '@azure/identity';
import { silentLogger } from '../../../src/core/logger';
import { GraphClient } from '../../../src/connectors';
import { createHttpClient } from '../../../src/http/client';

export const GRAPH = 'https://graph.microsoft.com';

/** A Graph response body from test/fixtures/graph, in the official shapes. */
export function graphFixture(name: string): Record<string, unknown> {
  const file = path.join(__dirname, '..', '..', 'fixtures', 'graph', `${name}.json`);
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

/** A credential that hands out a fixed token and remembers the scopes asked for. */
export function fakeCredential(token = 'graph-test-token'): TokenCredential & { scopes: string[] } {
  const scopes: string[] = [];
  return {
    scopes,
    async getToken(scope: string | string[]): Promise<AccessToken> {
      scopes.push(...(Array.isArray(scope) ? scope : [scope]));
      return { token, expiresOnTimestamp: Date.now() + 60 * 60 * 1000 };
    },
  };
}

export interface TestGraph {
  client: GraphClient;
  credential: ReturnType<typeof fakeCredential>;
  /** Delays the HTTP client waited between attempts, in ms. */
  delaysMs: number[];
}

export function testGraph(
  options: { baseUrl?: string; maxPages?: number; credential?: TokenCredential } = {},
): TestGraph {
  const delaysMs: number[] = [];
  const credential = fakeCredential();
  const http = createHttpClient({
    logger: silentLogger,
    sleep: async (delayMs) => {
      delaysMs.push(delayMs);
    },
  });
  const client = new GraphClient({
    http,
    credential: options.credential ?? credential,
    logger: silentLogger,
    baseUrl: options.baseUrl ?? GRAPH,
    maxPages: options.maxPages ?? 10,
  });
  return { client, credential, delaysMs };
}

export function readContext() {
  return { tenantId: 'contoso-tenant', signal: new AbortController().signal };
}

export const JSON_HEADERS = { 'content-type': 'application/json; odata.metadata=minimal' };

/** Answers the one request for `path` with `body` and records whether it came and its `$filter`. */
export function captureFilter(path: string, body: object): { filter?: string; asked: boolean } {
  const seen: { filter?: string; asked: boolean } = { asked: false };
  nock(GRAPH)
    .get(path)
    .query((query) => {
      seen.asked = true;
      seen.filter = query.$filter as string | undefined;
      return true;
    })
    .reply(200, body, JSON_HEADERS);
  return seen;
}
