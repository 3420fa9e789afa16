import { readFileSync } from 'node:fs';
import path from 'node:path';
import { silentLogger } from '../../../src/core/logger';
import { LogAnalyticsClient } from '../../../src/connectors/azure/log-analytics';
import { createHttpClient } from '../../../src/http/client';
import { fakeCredential } from '../graph/support';

export const LOG_ANALYTICS = 'https://api.loganalytics.io';
export const WORKSPACE_ID = '6e3c2a1b-7d44-4f0e-9a51-1c2b3d4e5f60';
export const QUERY_PATH = `/v1/workspaces/${WORKSPACE_ID}/query`;
export const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };

/** A response body from test/fixtures/azure, in the official shapes. */
export function azureFixture(name: string): Record<string, unknown> {
  const file = path.join(__dirname, '..', '..', 'fixtures', 'azure', `${name}.json`);
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

export function testLogAnalytics() {
  const delaysMs: number[] = [];
  const credential = fakeCredential('la-test-token');
  const http = createHttpClient({
    logger: silentLogger,
    sleep: async (delayMs) => {
      delaysMs.push(delayMs);
    },
  });
  const client = new LogAnalyticsClient({
    http,
    credential,
    logger: silentLogger,
    baseUrl: LOG_ANALYTICS,
    workspaceId: WORKSPACE_ID,
  });
  return { client, credential, delaysMs };
}

export function abortSignal(): AbortSignal {
  return new AbortController().signal;
}
