import { randomUUID } from 'node:crypto';
import { ConflictError } from '../../src/core/errors';
import type { NewDocument } from '../../src/store/types';

/** Small input factories shared by the store contract suites. */
export interface Note {
  title: string;
  severity?: string;
  score?: number;
  open?: boolean;
  owner?: string | null;
  at?: string;
  count?: number;
}

export function newTenant(): string {
  return `tenant-${randomUUID().slice(0, 8)}`;
}

export function note(tenantId: string, id: string, fields: Partial<Note> = {}): NewDocument<Note> {
  return { id, tenantId, type: 'note', title: `note ${id}`, ...fields };
}

export async function expectConflict(promise: Promise<unknown>): Promise<void> {
  await expect(promise).rejects.toBeInstanceOf(ConflictError);
  await expect(promise).rejects.toMatchObject({ code: 'store_conflict' });
}

export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
