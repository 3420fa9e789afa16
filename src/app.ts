import { type CollabServices, createCollabServices } from './collab';
import type { FeedbackService } from './collab/feedback';
import type { Config } from './config';
import { type Connectors, createConnectors, type TokenCredential } from './connectors';
import type { Logger } from './core/logger';
import { Engine } from './engine/engine';
import { createHttpClient } from './http/client';
import { createModelClient } from './llm';
import { newId } from './logging';
import { type CreateSkillsOptions, SkillRegistry, createSkills } from './skills';
import { createDemoTenant } from './skills/demo';
import { portalLogsLinks } from './skills/hunting';
import { createStore } from './store';
import { StoreFeedCache } from './store/feed-cache';
import type { DocumentStore } from './store/types';

/** Everything one Warden process runs on, wired once. The only place real parts are chosen. */
export interface Warden extends CollabServices {
  config: Config;
  logger: Logger;
  store: DocumentStore;
  engine: Engine;
  close(): Promise<void>;
}

/** Real parts a caller may replace; tests pass a fake Azure credential. */
export interface WardenParts {
  azureCredential?: TokenCredential;
}

export async function buildWarden(
  config: Config,
  logger: Logger,
  parts: WardenParts = {},
): Promise<Warden> {
  const now = () => new Date();
  const store = createStore(config.store, logger);
  await store.init();

  const http = createHttpClient({ logger });
  const cache = new StoreFeedCache(store);
  const connectors = createConnectors({
    config,
    http,
    logger,
    now,
    credential: parts.azureCredential,
    demo: () => createDemoTenant(now),
  });
  const skills = new SkillRegistry(
    createSkills({
      threatIntel: config.threatIntel,
      securityData: connectors.securityData,
      hunting: huntingOf(connectors, config),
      advancedHunting: connectors.advancedHunting && {
        service: connectors.advancedHunting,
        options: { maxRows: config.sentinel.kql.maxRows },
      },
    }),
  );
  const model = createModelClient(config.model, logger);

  const collab = createCollabServices({ store, logger, now, newId });
  const engine = new Engine({
    skills,
    history: collab.turns,
    lessons: (tenantId) => feedbackLessons(collab.feedback, tenantId),
    model,
    logger,
    now,
    newId,
    config: { ...config.engine, maxMessageChars: config.server.maxMessageChars },
    skillContext: { http, cache },
  });

  return { config, logger, store, engine, ...collab, close: () => store.close() };
}

/** The Sentinel workspace's KQL, when SENTINEL_WORKSPACE_ID is set. */
function huntingOf(connectors: Connectors, config: Config): CreateSkillsOptions['hunting'] {
  const { logAnalytics, sentinel } = connectors;
  if (!logAnalytics) return undefined;
  return {
    runner: logAnalytics,
    options: {
      ...config.sentinel.kql,
      workspaceName: config.sentinel.workspace?.workspaceName,
      // Portal links need the workspace's ARM name, which only the SENTINEL_* trio gives.
      portalQueryUrl: sentinel ? portalLogsLinks(sentinel.workspaceResourceId) : undefined,
    },
  };
}

/**
 * Recent thumbs-down feedback of this organisation, as short notes for the model's system
 * prompt: the way feedback improves later answers without ever training a model.
 */
async function feedbackLessons(feedback: FeedbackService, tenantId: string): Promise<string[]> {
  const records = await feedback.recent(tenantId, { rating: 'down', limit: 10 });
  return records.map((record) => {
    const reasons = record.reasons.join(', ') || 'no reason given';
    const comment = record.comment ? ` Comment: ${record.comment}` : '';
    return `For "${record.question}" the answer was marked ${reasons}.${comment}`;
  });
}
