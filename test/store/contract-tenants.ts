import type { DocumentStore } from '../../src/store/types';
import { expectConflict, newTenant, note } from './factories';

export function describeTenantIsolation(getStore: () => DocumentStore): void {
  describe('tenant isolation', () => {
    it("never returns one tenant's document to another tenant's get or query", async () => {
      const alpha = newTenant();
      const beta = newTenant();
      await getStore().create('pins', note(alpha, 'secret', { severity: 'high' }));

      await expect(getStore().get('pins', beta, 'secret')).resolves.toBeUndefined();
      await expect(getStore().query('pins', beta)).resolves.toEqual([]);
      await expect(
        getStore().query('pins', beta, { where: { severity: 'high' } }),
      ).resolves.toEqual([]);
    });

    it("cannot overwrite another tenant's document even with its etag", async () => {
      const alpha = newTenant();
      const beta = newTenant();
      const original = await getStore().create('pins', note(alpha, 'secret', { title: 'a' }));

      await expectConflict(
        getStore().upsert('pins', note(beta, 'secret', { title: 'b' }), {
          ifMatch: original.etag,
        }),
      );

      await expect(getStore().get('pins', alpha, 'secret')).resolves.toEqual(original);
      await expect(getStore().get('pins', beta, 'secret')).resolves.toBeUndefined();
    });

    it("cannot delete another tenant's document", async () => {
      const alpha = newTenant();
      const beta = newTenant();
      const original = await getStore().create('pins', note(alpha, 'secret'));

      await expect(getStore().delete('pins', beta, 'secret')).resolves.toBe(false);
      await expect(
        getStore().delete('pins', beta, 'secret', { ifMatch: original.etag }),
      ).resolves.toBe(false);

      await expect(getStore().get('pins', alpha, 'secret')).resolves.toEqual(original);
    });

    it('scopes ids to the tenant, so two tenants may use the same id', async () => {
      const alpha = newTenant();
      const beta = newTenant();
      await getStore().create('pins', note(alpha, 'shared', { title: 'alpha' }));

      await getStore().create('pins', note(beta, 'shared', { title: 'beta' }));
      await getStore().upsert('pins', note(beta, 'shared', { title: 'beta 2' }));

      await expect(getStore().get('pins', alpha, 'shared')).resolves.toMatchObject({
        title: 'alpha',
      });
      await expect(getStore().get('pins', beta, 'shared')).resolves.toMatchObject({
        title: 'beta 2',
      });
    });
  });
}
