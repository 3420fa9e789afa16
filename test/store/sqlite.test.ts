import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { UnavailableError } from '../../src/core/errors';
import { SqliteStore } from '../../src/store/sqlite';
import { describeDocumentStoreContract } from './contract';
import { note } from './factories';

describe('SqliteStore', () => {
  let folder: string;
  let store: SqliteStore;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'warden-sqlite-'));
    store = new SqliteStore({ path: join(folder, 'nested', 'warden.db') });
    await store.init();
  });

  afterAll(async () => {
    await store.close();
    rmSync(folder, { recursive: true, force: true });
  });

  describeDocumentStoreContract(() => store);

  describe('the file', () => {
    it('creates the missing folder and runs in WAL mode', () => {
      const reader = new Database(join(folder, 'nested', 'warden.db'), { readonly: true });

      expect(reader.pragma('journal_mode', { simple: true })).toBe('wal');
      reader.close();
    });

    it('keeps documents after the store is closed and opened again', async () => {
      const path = join(folder, 'reopen.db');
      const first = new SqliteStore({ path });
      await first.init();
      const written = await first.create('pins', note('t1', 'kept', { score: 7 }));
      await first.close();

      const second = new SqliteStore({ path });
      await second.init();

      await expect(second.get('pins', 't1', 'kept')).resolves.toEqual(written);
      await second.close();
    });

    it('works in memory for benches', async () => {
      const memory = new SqliteStore({ path: ':memory:' });
      await memory.init();

      await memory.create('pins', note('t1', 'n1'));

      await expect(memory.query('pins', 't1')).resolves.toHaveLength(1);
      await memory.close();
    });

    it('explains an unopenable path (a folder) in terms of SQLITE_PATH', () => {
      const open = () => new SqliteStore({ path: folder });

      expect(open).toThrow(UnavailableError);
      expect(open).toThrow(/SQLITE_PATH/);
      expect(open).toThrow(expect.objectContaining({ code: 'store_unavailable' }));
    });

    it('explains a path whose parent cannot be a folder', () => {
      const blocker = join(folder, 'plain-file');
      writeFileSync(blocker, 'not a folder');

      const open = () => new SqliteStore({ path: join(blocker, 'warden.db') });

      expect(open).toThrow(expect.objectContaining({ code: 'store_unavailable' }));
      expect(open).toThrow(/Set SQLITE_PATH to a file path in a writable folder/);
    });

    it('reports calls after close as store_unavailable rather than a raw TypeError', async () => {
      const closed = new SqliteStore({ path: ':memory:' });
      await closed.close();

      await expect(closed.get('pins', 't1', 'n1')).rejects.toBeInstanceOf(UnavailableError);
      await expect(closed.get('pins', 't1', 'n1')).rejects.toMatchObject({
        code: 'store_unavailable',
      });
    });
  });
});
