import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeedCache } from '../../src/core/cache';
import { silentLogger } from '../../src/core/logger';
import { createHttpClient } from '../../src/http/client';
import { createMemoryFeedCache, createSkillContext } from '../../src/skills/context';
import type { ThreatIntelOptions } from '../../src/skills/threatintel/options';
import type { SkillContext } from '../../src/skills/types';

/** The moment tests pretend it is, unless a test says otherwise. */
export const TEST_NOW = new Date('2025-08-26T12:00:00Z');

export const TEST_URLS = {
  nvd: 'https://nvd.test/rest/json/cves/2.0',
  kev: 'https://kev.test/feeds/known_exploited_vulnerabilities.json',
  osv: 'https://osv.test/v1',
  attack: 'https://attack.test/enterprise-attack/enterprise-attack.json',
};

export function threatIntelOptions(
  overrides: Partial<ThreatIntelOptions> = {},
): ThreatIntelOptions {
  return {
    offline: false,
    nvdApiUrl: TEST_URLS.nvd,
    kevFeedUrl: TEST_URLS.kev,
    osvApiUrl: TEST_URLS.osv,
    attackStixUrl: TEST_URLS.attack,
    ...overrides,
  };
}

export interface TestContext extends SkillContext {
  /** Delays the HTTP client would have waited between retries, in ms. */
  sleeps: number[];
  /** Moves the test clock. */
  setNow(now: Date): void;
}

/** A skill context on the real HTTP client (nock answers), an in-memory cache and a test clock. */
export function testContext(options: { now?: Date; cache?: FeedCache } = {}): TestContext {
  let now = options.now ?? TEST_NOW;
  const sleeps: number[] = [];
  const http = createHttpClient({
    logger: silentLogger,
    sleep: async (delayMs) => {
      sleeps.push(delayMs);
    },
    random: () => 1,
  });
  const context = createSkillContext({
    tenantId: 'tenant-test',
    http,
    cache: options.cache ?? createMemoryFeedCache(),
    now: () => now,
  });
  return {
    ...context,
    sleeps,
    setNow: (next) => {
      now = next;
    },
  };
}

export function fixtureText(name: string): string {
  return readFileSync(join(__dirname, '..', 'fixtures', 'threatintel', name), 'utf8');
}

export function fixtureJson<T = unknown>(name: string): T {
  return JSON.parse(fixtureText(name)) as T;
}
