import nock from 'nock';
import {
  createHuntingSkills,
  type HuntingOptions,
  type KqlRunner,
} from '../../../src/skills/hunting';
import { SkillRegistry } from '../../../src/skills/registry';
import {
  JSON_HEADERS,
  LOG_ANALYTICS,
  QUERY_PATH,
  azureFixture,
  testLogAnalytics,
} from '../../connectors/azure/support';

export { JSON_HEADERS, LOG_ANALYTICS, QUERY_PATH, azureFixture };

export const HUNTING_OPTIONS: HuntingOptions = {
  maxRows: 200,
  maxHours: 30 * 24,
  workspaceName: 'contoso-sentinel',
};

export interface SentQuery {
  query: string;
  timespan: string;
}

/**
 * The hunting skills over a real `LogAnalyticsClient` (typed as the skills' `KqlRunner`, so a
 * drift between the two fails type-checking) and a registry that validates input as the
 * engine does.
 */
export function testHunting(overrides: Partial<HuntingOptions> = {}) {
  const runner: KqlRunner = testLogAnalytics().client;
  const skills = createHuntingSkills(runner, { ...HUNTING_OPTIONS, ...overrides });
  return { runner, registry: new SkillRegistry(skills) };
}

/** Answers the next query with `body` and records what was posted. */
export function answerQuery(body: Record<string, unknown>): SentQuery[] {
  const sent: SentQuery[] = [];
  nock(LOG_ANALYTICS)
    .post(QUERY_PATH, (posted: SentQuery) => {
      sent.push(posted);
      return true;
    })
    .reply(200, body, JSON_HEADERS);
  return sent;
}
