/**
 * The serialised credential list of a tenant, kept per server instance and served while nothing
 * changed: a canvas (and every poll of it) then costs one indexed read of the tenant's revision
 * instead of reading and serialising every row. Correct across instances and write paths because
 * database triggers bump the revision on every change (migration 0001). A list whose statuses
 * depend on time (a token that expires) is kept only until the first such moment.
 */
import { eq } from 'drizzle-orm';
import type { Database } from '../storage/database';
import { tenantRevisions } from '../storage/schema';

interface Entry {
  revision: number;
  /** Epoch ms after which a status in the list may read differently. */
  validUntil: number;
  /** UTF-8 bytes, encoded once rather than on every answer. */
  body: Uint8Array<ArrayBuffer>;
}

/** How many lists an instance keeps (tenants × filters), least recently used out first. */
const MAX_ENTRIES = 1_000;

export interface CredentialListCache {
  /** The tenant's revision now (0 before its first change). */
  revision(tenantId: string): Promise<number>;
  get(key: string, revision: number, now: number): Uint8Array<ArrayBuffer> | null;
  set(key: string, entry: Entry): void;
}

export function createCredentialListCache(db: Database): CredentialListCache {
  const entries = new Map<string, Entry>();
  return {
    async revision(tenantId) {
      const [row] = await db
        .select({ revision: tenantRevisions.revision })
        .from(tenantRevisions)
        .where(eq(tenantRevisions.tenantId, tenantId));
      return row?.revision ?? 0;
    },
    get(key, revision, now) {
      const entry = entries.get(key);
      if (!entry || entry.revision !== revision || now >= entry.validUntil) return null;
      // Re-insert: a Map iterates in insertion order, so the first key is the least recent.
      entries.delete(key);
      entries.set(key, entry);
      return entry.body;
    },
    set(key, entry) {
      entries.delete(key);
      entries.set(key, entry);
      if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
    },
  };
}
