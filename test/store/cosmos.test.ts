import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { Agent as HttpsAgent, type Server as HttpsServer } from 'node:https';
import { createHttpServer, createHttpsServer } from '@vercel/cosmosdb-server';
import type { TokenCredential } from '@azure/identity';
import { ConfigError, UnavailableError } from '../../src/core/errors';
import { CosmosStore } from '../../src/store/cosmos';
import { describeDocumentStoreContract } from './contract';
import { note } from './factories';

async function listen(server: Server | HttpsServer): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function stop(server: Server | HttpsServer): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/** The emulator serves plain HTTP and advertises addresses we cannot reach: discovery off. */
function storeAt(endpoint: string, extra: { key?: string; credential?: TokenCredential } = {}) {
  return new CosmosStore({
    endpoint,
    database: `warden-${randomUUID().slice(0, 8)}`,
    key: 'key' in extra || 'credential' in extra ? extra.key : 'emulator-key',
    credential: extra.credential,
    disableEndpointDiscovery: true,
    requestTimeoutMs: 5_000,
  });
}

describe('CosmosStore', () => {
  let server: Server;
  let endpoint: string;
  let store: CosmosStore;

  beforeAll(async () => {
    server = createHttpServer();
    endpoint = await listen(server);
    store = storeAt(endpoint);
    await store.init();
  });

  afterAll(async () => {
    await store.close();
    await stop(server);
  });

  describeDocumentStoreContract(() => store);

  describe('against the Cosmos DB protocol', () => {
    it('can run init twice on an existing database', async () => {
      await expect(store.init()).resolves.toBeUndefined();
    });

    it('reports a silent endpoint as store_unavailable naming COSMOS_ENDPOINT', async () => {
      const gone = createServer();
      const goneEndpoint = await listen(gone);
      await stop(gone);
      const unreachable = storeAt(goneEndpoint);

      const init = unreachable.init();

      await expect(init).rejects.toBeInstanceOf(UnavailableError);
      await expect(init).rejects.toMatchObject({
        code: 'store_unavailable',
        message: expect.stringContaining('COSMOS_ENDPOINT'),
      });
      await unreachable.close();
    });

    it('reports refused credentials as store_unavailable naming COSMOS_KEY', async () => {
      const refusing = createServer((_request, response) => {
        response.writeHead(401, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ code: 'Unauthorized', message: 'bad key' }));
      });
      const refusingStore = storeAt(await listen(refusing));

      const read = refusingStore.get('pins', 't1', 'n1');

      try {
        await expect(read).rejects.toMatchObject({
          code: 'store_unavailable',
          message: expect.stringContaining('COSMOS_KEY'),
        });
      } finally {
        await refusingStore.close();
        await stop(refusing);
      }
    });

    it('refuses Entra ID sign-in over plain HTTP before sending anything', () => {
      const credential: TokenCredential = { getToken: async () => null };

      const open = () => storeAt(endpoint, { credential });

      expect(open).toThrow(ConfigError);
      expect(open).toThrow(/set COSMOS_KEY/);
    });
  });

  // Bearer tokens only travel over TLS, so these use the emulator's HTTPS server.
  describe('with Entra ID instead of a key', () => {
    let tls: HttpsServer;
    let tlsEndpoint: string;
    let signedIn: CosmosStore;
    const scopes: string[] = [];

    beforeAll(async () => {
      tls = createHttpsServer();
      tlsEndpoint = (await listen(tls)).replace('http:', 'https:');
      const credential: TokenCredential = {
        getToken: async (scope) => {
          scopes.push(...[scope].flat());
          return { token: 'test-token', expiresOnTimestamp: Date.now() + 3_600_000 };
        },
      };
      signedIn = new CosmosStore({
        endpoint: tlsEndpoint,
        database: 'warden-entra',
        credential,
        agent: new HttpsAgent({ rejectUnauthorized: false }),
        disableEndpointDiscovery: true,
      });
    });

    afterAll(async () => {
      await signedIn.close();
      await stop(tls);
    });

    it('asks the credential for a token scoped to the account', async () => {
      await signedIn.init();
      await signedIn.create('pins', note('t1', 'n1'));

      await expect(signedIn.get('pins', 't1', 'n1')).resolves.toMatchObject({ id: 'n1' });
      expect(scopes.length).toBeGreaterThan(0);
      expect(scopes.every((scope) => scope === `${tlsEndpoint}/.default`)).toBe(true);
    });
  });
});
