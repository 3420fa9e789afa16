import { ValidationError } from '../../src/core/errors';
import type { DocumentStore } from '../../src/store/types';
import { newTenant, note, type Note } from './factories';

async function createMany(store: DocumentStore, tenant: string, count: number): Promise<void> {
  const ids = Array.from({ length: count }, (_, index) => `n${String(index).padStart(4, '0')}`);
  for (let start = 0; start < ids.length; start += 50) {
    const batch = ids.slice(start, start + 50);
    await Promise.all(batch.map((id) => store.create('audit', note(tenant, id))));
  }
}

function ids(docs: Array<{ id: string }>): string[] {
  return docs.map((doc) => doc.id);
}

export function describeQueries(getStore: () => DocumentStore): void {
  describe('queries', () => {
    it('filters on equality of strings, numbers, booleans and null together', async () => {
      const tenant = newTenant();
      const store = getStore();
      await store.create('pins', note(tenant, 'a', { severity: 'high', score: 3, open: true }));
      await store.create('pins', note(tenant, 'b', { severity: 'high', score: 3, open: false }));
      await store.create('pins', note(tenant, 'c', { severity: 'low', score: 3, open: true }));
      await store.create('pins', note(tenant, 'd', { severity: 'high', owner: null }));
      await store.create('pins', note(tenant, 'e', { severity: 'high', owner: 'alex' }));

      const open = await store.query('pins', tenant, {
        where: { severity: 'high', score: 3, open: true },
      });
      const unowned = await store.query('pins', tenant, { where: { owner: null } });

      expect(ids(open)).toEqual(['a']);
      expect(ids(unowned)).toEqual(['d']);
    });

    it('does not match a number against the same digits in a string', async () => {
      const tenant = newTenant();
      await getStore().create('pins', note(tenant, 'a', { severity: '3' }));
      await getStore().create('pins', note(tenant, 'b', { score: 1 }));

      await expect(getStore().query('pins', tenant, { where: { severity: 3 } })).resolves.toEqual(
        [],
      );
      await expect(getStore().query('pins', tenant, { where: { score: true } })).resolves.toEqual(
        [],
      );
    });

    it('orders ascending and descending and applies the limit after ordering', async () => {
      const tenant = newTenant();
      for (const [id, score] of [
        ['a', 2],
        ['b', 9],
        ['c', 5],
        ['d', 7],
      ] as const) {
        await getStore().create('pins', note(tenant, id, { score }));
      }

      const ascending = await getStore().query('pins', tenant, {
        orderBy: { field: 'score', direction: 'asc' },
      });
      const topTwo = await getStore().query('pins', tenant, {
        orderBy: { field: 'score', direction: 'desc' },
        limit: 2,
      });

      expect(ids(ascending)).toEqual(['a', 'c', 'd', 'b']);
      expect(ids(topTwo)).toEqual(['b', 'd']);
    });

    it('keeps ISO timestamps in a half-open range [gte, lt)', async () => {
      const tenant = newTenant();
      const days = ['2025-01-01', '2025-01-02', '2025-01-03', '2025-01-04'];
      for (const [index, day] of days.entries()) {
        await getStore().create('audit', note(tenant, `d${index}`, { at: `${day}T10:00:00.000Z` }));
      }
      await getStore().create('audit', note(tenant, 'numeric', { score: 5 }));

      const middle = await getStore().query('audit', tenant, {
        range: { field: 'at', gte: '2025-01-02T00:00:00.000Z', lt: '2025-01-04T10:00:00.000Z' },
        orderBy: { field: 'at', direction: 'asc' },
      });
      const since = await getStore().query('audit', tenant, {
        range: { field: 'at', gte: '2025-01-03T10:00:00.000Z' },
        orderBy: { field: 'at', direction: 'desc' },
      });

      expect(ids(middle)).toEqual(['d1', 'd2']);
      expect(ids(since)).toEqual(['d3', 'd2']);
    });

    it('ranges over numbers and skips values of another type', async () => {
      const tenant = newTenant();
      await getStore().create('audit', note(tenant, 'low', { score: 1 }));
      await getStore().create('audit', note(tenant, 'mid', { score: 5 }));
      await getStore().create('audit', note(tenant, 'high', { score: 10 }));
      await getStore().create('audit', note(tenant, 'text', { at: 'zzz' }));

      const found = await getStore().query('audit', tenant, {
        range: { field: 'score', gte: 2, lt: 10 },
      });

      expect(ids(found)).toEqual(['mid']);
    });

    it('returns 100 documents by default and never more than 1,000', async () => {
      const tenant = newTenant();
      await createMany(getStore(), tenant, 1005);

      const byDefault = await getStore().query<Note>('audit', tenant);
      const asked = await getStore().query<Note>('audit', tenant, { limit: 5000 });

      expect(byDefault).toHaveLength(100);
      expect(asked).toHaveLength(1000);
      expect(new Set(ids(asked)).size).toBe(1000);
    }, 120_000);

    it('rejects a field name that is not a plain identifier', async () => {
      const query = getStore().query('pins', newTenant(), { where: { 'a.b': 1 } });

      await expect(query).rejects.toBeInstanceOf(ValidationError);
      await expect(query).rejects.toMatchObject({ code: 'store_query_invalid' });
    });

    it('rejects a limit below one and an unknown container', async () => {
      await expect(getStore().query('pins', newTenant(), { limit: 0 })).rejects.toMatchObject({
        code: 'store_query_invalid',
      });
      await expect(getStore().query('nope' as 'pins', newTenant())).rejects.toMatchObject({
        code: 'store_container_unknown',
      });
    });
  });
}
