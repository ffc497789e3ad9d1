import { z } from '../zod';
import { newReplicaId } from '../sync/replica-id';
import type { SyncOutcome } from '../sync/engine';

/**
 * What sync keeps in storage.local (never storage.sync, which every browser of the user shares):
 * this browser's replica id, and the last sync's outcome for the options page.
 */

export const REPLICA_ID_KEY = 'syncReplicaId';
export const SYNC_STATUS_KEY = 'syncStatus';

export interface KeyValueArea {
  get(keys: string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

const ReplicaIdSchema = z.string().regex(/^[a-z0-9]{4,64}$/);

/** This browser's replica id, made once (`newReplicaId`) and then read back. */
export async function readReplicaId(local: KeyValueArea, make: () => string = newReplicaId): Promise<string> {
  const stored = ReplicaIdSchema.safeParse((await local.get(REPLICA_ID_KEY))[REPLICA_ID_KEY]);
  if (stored.success) return stored.data;
  const made = make();
  await local.set({ [REPLICA_ID_KEY]: made });
  return made;
}

const count = z.number().int().nonnegative();

/** The part of the last SyncOutcome the options page shows, and when it happened. */
export const SyncStatusSchema = z.object({
  at: z.number(),
  status: z.enum(['off', 'synced', 'deferred', 'failed']),
  pendingBookmarks: count,
  retryAt: z.number().optional(),
  error: z.object({ message: z.string(), quota: z.string().optional() }).optional(),
  newerFormat: z.boolean().optional(),
  plan: z
    .object({
      bookmarks: count,
      synced: count,
      notesKept: z.object({ read: count, unread: count }),
      bookmarksKept: z.object({ read: count, unread: count }),
      deletions: z.object({ synced: count, kept: count }),
      bytes: count,
      items: count,
    })
    .optional(),
});
export type SyncStatus = z.infer<typeof SyncStatusSchema>;

export function syncStatusOf(outcome: SyncOutcome, at: number): SyncStatus {
  return {
    at,
    status: outcome.status,
    pendingBookmarks: outcome.pendingBookmarks,
    ...(outcome.retryAt !== undefined ? { retryAt: outcome.retryAt } : {}),
    ...(outcome.error ? { error: outcome.error } : {}),
    ...(outcome.newerFormat ? { newerFormat: true } : {}),
    ...(outcome.plan ? { plan: outcome.plan } : {}),
  };
}

/** The stored status, or undefined when there is none or it does not parse. */
export function parseSyncStatus(raw: unknown): SyncStatus | undefined {
  const parsed = SyncStatusSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}
