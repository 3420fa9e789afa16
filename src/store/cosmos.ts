import { CosmosClient, type Container, type ItemDefinition } from '@azure/cosmos';
import { DefaultAzureCredential, type TokenCredential } from '@azure/identity';
import type { Agent } from 'node:http';
import { ConfigError } from '../core/errors';
import { silentLogger, type Logger } from '../core/logger';
import { cosmosStatus, toCosmosStoreError } from './cosmos-errors';
import { buildCosmosQuery } from './cosmos-query';
import {
  alreadyExists,
  checkContainer,
  checkKey,
  checkNewDocument,
  movedOn,
  stampDocument,
} from './documents';
import { checkQuery } from './query';
import {
  CONTAINERS,
  type ContainerName,
  type DocumentStore,
  type NewDocument,
  type Query,
  type StoredDocument,
  type WriteOptions,
} from './types';

export interface CosmosStoreOptions {
  /** Account URL (env COSMOS_ENDPOINT), e.g. https://<account>.documents.azure.com:443/. */
  endpoint: string;
  /** Database name (env COSMOS_DATABASE, default `warden`); created by `init()` when missing. */
  database: string;
  /** Account key (env COSMOS_KEY). Absent means Entra ID through `credential`. */
  key?: string;
  /** Used when there is no key; defaults to `createDefaultCredential()`. */
  credential?: TokenCredential;
  /**
   * Talk only to `endpoint` instead of the regions the account advertises (env
   * COSMOS_DISABLE_ENDPOINT_DISCOVERY, default false). Emulators need it: they advertise
   * addresses the client cannot reach.
   */
  disableEndpointDiscovery?: boolean;
  /** HTTP(S) agent for a proxy or a private certificate authority; default Node's global one. */
  agent?: Agent;
  /** Per-request timeout; default 10,000 ms. */
  requestTimeoutMs?: number;
  logger?: Logger;
}

/** Cosmos DB system properties, never shown to callers; `_etag` becomes `etag`. */
interface SystemFields {
  _rid?: string;
  _self?: string;
  _ts?: number;
  _attachments?: string;
  _etag?: string;
}

/**
 * Entra ID sign-in for Cosmos DB: managed identity in Azure, developer credentials locally.
 * Building it contacts nothing; the first request does.
 */
export function createDefaultCredential(): TokenCredential {
  return new DefaultAzureCredential();
}

/** The production store: Azure Cosmos DB (NoSQL API), one container per kind, `/tenantId` key. */
export class CosmosStore implements DocumentStore {
  private readonly client: CosmosClient;
  private readonly endpoint: string;
  private readonly databaseId: string;
  private readonly logger: Logger;

  constructor(options: CosmosStoreOptions) {
    this.endpoint = options.endpoint;
    this.databaseId = options.database;
    this.logger = (options.logger ?? silentLogger).child({ component: 'store.cosmos' });
    checkEndpoint(options);
    this.client = new CosmosClient({
      endpoint: options.endpoint,
      key: options.key,
      agent: options.agent,
      aadCredentials: options.key ? undefined : (options.credential ?? createDefaultCredential()),
      connectionPolicy: {
        enableEndpointDiscovery: !options.disableEndpointDiscovery,
        requestTimeout: options.requestTimeoutMs ?? 10_000,
      },
    });
  }

  async init(): Promise<void> {
    await this.call(async () => {
      const { database } = await this.client.databases.createIfNotExists({ id: this.databaseId });
      for (const id of CONTAINERS) {
        await database.containers.createIfNotExists({ id, partitionKey: { paths: ['/tenantId'] } });
      }
    });
    this.logger.debug({ database: this.databaseId }, 'cosmos database and containers ready');
  }

  async get<T extends object>(
    container: ContainerName,
    tenantId: string,
    id: string,
  ): Promise<StoredDocument<T> | undefined> {
    checkKey('tenantId', tenantId);
    checkKey('id', id);
    let resource: ItemDefinition | undefined;
    try {
      const response = await this.container(container).item(id, tenantId).read<ItemDefinition>();
      resource = response.resource;
    } catch (error) {
      if (cosmosStatus(error) !== 404) throw toCosmosStoreError(error, this.endpoint);
    }
    // The tenant check repeats what the partition key already does, in case a server ignores it.
    if (!resource || resource.tenantId !== tenantId) return undefined;
    return toDocument<T>(resource);
  }

  async create<T extends object>(
    container: ContainerName,
    doc: NewDocument<T>,
  ): Promise<StoredDocument<T>> {
    checkNewDocument(doc);
    const body = stampDocument(doc, undefined);
    try {
      const { resource } = await this.container(container).items.create(body);
      return toDocument<T>(resource as ItemDefinition);
    } catch (error) {
      if (cosmosStatus(error) === 409) throw alreadyExists(container, doc.id, error);
      throw toCosmosStoreError(error, this.endpoint);
    }
  }

  async upsert<T extends object>(
    container: ContainerName,
    doc: NewDocument<T>,
    options: WriteOptions = {},
  ): Promise<StoredDocument<T>> {
    checkNewDocument(doc);
    // Cosmos DB replaces the whole document, so the stored createdAt is read to carry it over.
    const given = (doc as { createdAt?: unknown }).createdAt;
    const stored =
      typeof given === 'string' ? undefined : await this.get(container, doc.tenantId, doc.id);
    const body = stampDocument(doc, stored?.createdAt);
    if (options.ifMatch !== undefined)
      return this.replaceIfMatch<T>(container, body, options.ifMatch);

    const { resource } = await this.call(() => this.container(container).items.upsert(body));
    return toDocument<T>(resource as ItemDefinition);
  }

  async delete(
    container: ContainerName,
    tenantId: string,
    id: string,
    options: WriteOptions = {},
  ): Promise<boolean> {
    checkKey('tenantId', tenantId);
    checkKey('id', id);
    const condition = options.ifMatch;
    try {
      await this.container(container)
        .item(id, tenantId)
        .delete(condition ? { accessCondition: { type: 'IfMatch', condition } } : undefined);
      return true;
    } catch (error) {
      const status = cosmosStatus(error);
      if (status === 404) return false;
      if (status === 412) throw movedOn(container, id, error);
      throw toCosmosStoreError(error, this.endpoint);
    }
  }

  async query<T extends object>(
    container: ContainerName,
    tenantId: string,
    query?: Query,
  ): Promise<StoredDocument<T>[]> {
    checkKey('tenantId', tenantId);
    const checked = checkQuery(query);
    const spec = buildCosmosQuery(tenantId, checked);
    const resources = await this.call(async () => {
      const iterator = this.container(container).items.query<ItemDefinition>(spec, {
        partitionKey: tenantId,
        maxItemCount: checked.limit,
      });
      return (await iterator.fetchAll()).resources;
    });
    return resources
      .filter((resource) => resource.tenantId === tenantId)
      .slice(0, checked.limit)
      .map((resource) => toDocument<T>(resource));
  }

  async close(): Promise<void> {
    this.client.dispose();
  }

  /**
   * Replace, not upsert: a conditional write to a document that is gone must fail, not quietly
   * create it again.
   */
  private async replaceIfMatch<T>(
    container: ContainerName,
    body: ItemDefinition & { id: string; tenantId: string },
    ifMatch: string,
  ): Promise<StoredDocument<T>> {
    try {
      const { resource } = await this.container(container)
        .item(body.id, body.tenantId)
        .replace(body, { accessCondition: { type: 'IfMatch', condition: ifMatch } });
      return toDocument<T>(resource as ItemDefinition);
    } catch (error) {
      const status = cosmosStatus(error);
      if (status === 412 || status === 404) throw movedOn(container, body.id, error);
      throw toCosmosStoreError(error, this.endpoint);
    }
  }

  private container(name: ContainerName): Container {
    return this.client.database(this.databaseId).container(checkContainer(name));
  }

  private async call<R>(operation: () => Promise<R>): Promise<R> {
    try {
      return await operation();
    } catch (error) {
      throw toCosmosStoreError(error, this.endpoint);
    }
  }
}

function checkEndpoint(options: CosmosStoreOptions): void {
  let protocol: string;
  try {
    protocol = new URL(options.endpoint).protocol;
  } catch (error) {
    throw new ConfigError([
      `COSMOS_ENDPOINT "${options.endpoint}" is not a URL: set it to ` +
        'https://<account>.documents.azure.com:443/.',
    ]);
  }
  if (!options.key && protocol !== 'https:') {
    throw new ConfigError([
      `COSMOS_ENDPOINT ${options.endpoint} is not https:// while COSMOS_KEY is not set: ` +
        'Entra ID sign-in only works over HTTPS. Use the https:// endpoint, or set ' +
        'COSMOS_KEY for a local emulator.',
    ]);
  }
}

function toDocument<T>(resource: ItemDefinition & SystemFields): StoredDocument<T> {
  const { _rid, _self, _ts, _attachments, _etag, ...fields } = resource;
  return { ...fields, etag: _etag } as unknown as StoredDocument<T>;
}
