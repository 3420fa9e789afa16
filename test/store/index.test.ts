import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../../src/core/logger';
import { CosmosStore, createStore, SqliteStore } from '../../src/store';
import { note } from './factories';

describe('createStore', () => {
  let folder: string;

  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'warden-create-store-'));
  });

  afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it('opens the SQLite file named by the configuration', async () => {
    const store = createStore({ backend: 'sqlite', path: join(folder, 'a.db') }, silentLogger);
    await store.init();

    await store.create('pins', note('t1', 'n1'));

    expect(store).toBeInstanceOf(SqliteStore);
    await expect(store.get('pins', 't1', 'n1')).resolves.toMatchObject({ id: 'n1' });
    await store.close();
  });

  it('builds a Cosmos DB store signing in with Entra ID when no key is set', async () => {
    const store = createStore(
      {
        backend: 'cosmos',
        endpoint: 'https://warden-test.documents.azure.com:443/',
        database: 'warden',
        disableEndpointDiscovery: false,
      },
      silentLogger,
    );

    expect(store).toBeInstanceOf(CosmosStore);
    await store.close();
  });
});
