import { ValidationError } from '../../src/core/errors';
import type { DocumentStore } from '../../src/store/types';
import { updateWithRetry } from '../../src/store/update';
import { newTenant, note, type Note } from './factories';

export function describeUpdates(getStore: () => DocumentStore): void {
  describe('updateWithRetry', () => {
    it('loses no increment when eight writers race on one document', async () => {
      const tenant = newTenant();
      await getStore().create('leases', note(tenant, 'counter', { count: 0 }));
      const increment = (current: (Note & { id: string }) | undefined) =>
        current && { ...current, tenantId: tenant, type: 'note', count: (current.count ?? 0) + 1 };

      await Promise.all(
        Array.from({ length: 8 }, () =>
          updateWithRetry<Note>(getStore(), 'leases', tenant, 'counter', increment, {
            maxAttempts: 50,
            baseDelayMs: 2,
            maxDelayMs: 20,
          }),
        ),
      );

      await expect(getStore().get('leases', tenant, 'counter')).resolves.toMatchObject({
        count: 8,
      });
    });

    it('creates the document when the mutation builds one from nothing', async () => {
      const tenant = newTenant();

      const written = await updateWithRetry<Note>(
        getStore(),
        'leases',
        tenant,
        'fresh',
        (current) => (current ? undefined : note(tenant, 'fresh', { count: 1 })),
      );

      expect(written).toMatchObject({ id: 'fresh', count: 1 });
      await expect(getStore().get('leases', tenant, 'fresh')).resolves.toEqual(written);
    });

    it('leaves the document alone when the mutation returns undefined', async () => {
      const tenant = newTenant();
      const stored = await getStore().create('leases', note(tenant, 'n1'));

      const result = await updateWithRetry(getStore(), 'leases', tenant, 'n1', () => undefined);

      expect(result).toEqual(stored);
    });

    it('gives up with store_conflict when a rival always writes first', async () => {
      const tenant = newTenant();
      await getStore().create('leases', note(tenant, 'n1', { count: 0 }));
      let attempts = 0;

      const update = updateWithRetry<Note>(
        getStore(),
        'leases',
        tenant,
        'n1',
        async (current) => {
          attempts += 1;
          await getStore().upsert('leases', note(tenant, 'n1', { count: -attempts }));
          return current && { ...current, count: 100 };
        },
        { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2 },
      );

      await expect(update).rejects.toMatchObject({
        code: 'store_conflict',
        message: expect.stringContaining('after 3 attempts'),
      });
      expect(attempts).toBe(3);
      await expect(getStore().get('leases', tenant, 'n1')).resolves.toMatchObject({ count: -3 });
    });

    it('refuses a mutation that moves the document to another tenant', async () => {
      const tenant = newTenant();
      await getStore().create('leases', note(tenant, 'n1'));

      const update = updateWithRetry<Note>(getStore(), 'leases', tenant, 'n1', (current) =>
        current ? { ...current, tenantId: newTenant() } : undefined,
      );

      await expect(update).rejects.toBeInstanceOf(ValidationError);
    });
  });
}
