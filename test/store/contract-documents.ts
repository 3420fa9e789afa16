import { ValidationError } from '../../src/core/errors';
import type { DocumentStore } from '../../src/store/types';
import { expectConflict, newTenant, note, pause, type Note } from './factories';

export function describeDocuments(getStore: () => DocumentStore): void {
  describe('documents', () => {
    it('creates a document and reads it back with timestamps and an etag', async () => {
      const tenant = newTenant();
      const created = await getStore().create('pins', note(tenant, 'n1', { score: 3 }));

      const read = await getStore().get<Note>('pins', tenant, 'n1');

      expect(read).toEqual(created);
      expect(read).toMatchObject({ id: 'n1', tenantId: tenant, type: 'note', score: 3 });
      expect(typeof read?.etag).toBe('string');
      expect(Date.parse(read?.createdAt ?? '')).not.toBeNaN();
      expect(read?.updatedAt).toBe(read?.createdAt);
    });

    it('returns exactly the caller fields plus the store meta fields', async () => {
      const tenant = newTenant();
      await getStore().create('pins', note(tenant, 'n1'));

      const read = await getStore().get<Note>('pins', tenant, 'n1');

      expect(Object.keys(read ?? {}).sort()).toEqual(
        ['createdAt', 'etag', 'id', 'tenantId', 'title', 'type', 'updatedAt'].sort(),
      );
    });

    it('returns undefined for a document that is not there', async () => {
      await expect(getStore().get('pins', newTenant(), 'missing')).resolves.toBeUndefined();
    });

    it('refuses to create a second document with the same id and keeps the first', async () => {
      const tenant = newTenant();
      await getStore().create('pins', note(tenant, 'n1', { title: 'first' }));

      await expectConflict(getStore().create('pins', note(tenant, 'n1', { title: 'second' })));

      await expect(getStore().get('pins', tenant, 'n1')).resolves.toMatchObject({
        title: 'first',
      });
    });

    it('keeps containers apart', async () => {
      const tenant = newTenant();
      await getStore().create('pins', note(tenant, 'n1'));

      await expect(getStore().get('feedback', tenant, 'n1')).resolves.toBeUndefined();
      await expect(getStore().query('feedback', tenant)).resolves.toEqual([]);
    });

    it('upserts: creates, then replaces with a new etag while keeping createdAt', async () => {
      const tenant = newTenant();
      const first = await getStore().upsert('pins', note(tenant, 'n1', { title: 'one' }));
      await pause(5);

      const second = await getStore().upsert('pins', note(tenant, 'n1', { title: 'two' }));

      expect(second.etag).not.toBe(first.etag);
      expect(second.createdAt).toBe(first.createdAt);
      expect(second.updatedAt > first.updatedAt).toBe(true);
      await expect(getStore().get('pins', tenant, 'n1')).resolves.toEqual(second);
    });

    it('writes when ifMatch carries the current etag', async () => {
      const tenant = newTenant();
      const first = await getStore().create('pins', note(tenant, 'n1'));

      const second = await getStore().upsert('pins', note(tenant, 'n1', { title: 'edited' }), {
        ifMatch: first.etag,
      });

      expect(second.title).toBe('edited');
    });

    it('refuses a write with a stale ifMatch and keeps the newer version', async () => {
      const tenant = newTenant();
      const first = await getStore().create('pins', note(tenant, 'n1'));
      await getStore().upsert('pins', note(tenant, 'n1', { title: 'newer' }));

      await expectConflict(
        getStore().upsert('pins', note(tenant, 'n1', { title: 'stale' }), { ifMatch: first.etag }),
      );

      await expect(getStore().get('pins', tenant, 'n1')).resolves.toMatchObject({
        title: 'newer',
      });
    });

    it('refuses an ifMatch write to a document that is gone', async () => {
      const tenant = newTenant();
      const first = await getStore().create('pins', note(tenant, 'n1'));
      await getStore().delete('pins', tenant, 'n1');

      await expectConflict(getStore().upsert('pins', note(tenant, 'n1'), { ifMatch: first.etag }));

      await expect(getStore().get('pins', tenant, 'n1')).resolves.toBeUndefined();
    });

    it('ignores an etag field sent by the caller and always stamps its own', async () => {
      const tenant = newTenant();
      const first = await getStore().create('pins', note(tenant, 'n1'));

      const second = await getStore().upsert('pins', { ...first, title: 'again' });

      expect(second.etag).not.toBe(first.etag);
      await expect(getStore().get('pins', tenant, 'n1')).resolves.toEqual(second);
    });

    it('deletes once, then reports nothing was there', async () => {
      const tenant = newTenant();
      await getStore().create('pins', note(tenant, 'n1'));

      await expect(getStore().delete('pins', tenant, 'n1')).resolves.toBe(true);
      await expect(getStore().delete('pins', tenant, 'n1')).resolves.toBe(false);
      await expect(getStore().get('pins', tenant, 'n1')).resolves.toBeUndefined();
    });

    it('refuses a delete with a stale ifMatch and keeps the document', async () => {
      const tenant = newTenant();
      const first = await getStore().create('pins', note(tenant, 'n1'));
      const second = await getStore().upsert('pins', note(tenant, 'n1', { title: 'newer' }));

      await expectConflict(getStore().delete('pins', tenant, 'n1', { ifMatch: first.etag }));
      await expect(getStore().delete('pins', tenant, 'n1', { ifMatch: second.etag })).resolves.toBe(
        true,
      );
    });

    it('rejects ids the other backend could not store, with a clear error', async () => {
      const tenant = newTenant();

      await expect(getStore().create('pins', note(tenant, 'a/b'))).rejects.toMatchObject({
        code: 'store_document_invalid',
        message: expect.stringContaining('/ \\ ? and #'),
      });
      await expect(getStore().create('pins', note('', 'n1'))).rejects.toBeInstanceOf(
        ValidationError,
      );
    });
  });
}
