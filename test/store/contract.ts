import type { DocumentStore } from '../../src/store/types';
import { describeDocuments } from './contract-documents';
import { describeFeedCache } from './contract-feed-cache';
import { describeQueries } from './contract-queries';
import { describeTenantIsolation } from './contract-tenants';
import { describeUpdates } from './contract-updates';

/**
 * The behaviour every DocumentStore backend must share. Each test works in its own tenant, so
 * one store serves the whole suite and tests never see each other's documents. `getStore` is
 * read inside each test, after the backend's `beforeAll` has opened it.
 */
export function describeDocumentStoreContract(getStore: () => DocumentStore): void {
  describeDocuments(getStore);
  describeQueries(getStore);
  describeTenantIsolation(getStore);
  describeUpdates(getStore);
  describeFeedCache(getStore);
}
