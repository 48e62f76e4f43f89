/**
 * When an OAuth credential's access token is refreshed (DESIGN.md §2, step 5), as pure functions
 * of a stored row and the server's clock — the token endpoint, the background sweep and the view
 * agree because they all ask here.
 *
 * - A token is refreshed `min(5 min, 10 % of its lifetime)` before it expires, at least 30 s
 *   early, and never earlier than half-way through its lifetime (a token that lives under a
 *   minute would otherwise be "due" from the moment it is issued, and refreshed on every read).
 * - After a failed refresh no new attempt is made for 30 s (the cooldown), whoever asks.
 * - Some failures need the user: the provider refused the grant (`invalid_grant`) or the tokens
 *   belong to a client the tenant no longer uses. Such a credential reads **expired** until it is
 *   re-authorized (never deleted), and is not refreshed again.
 */
import type { credentials } from '../storage/schema';

type Row = Pick<
  typeof credentials.$inferSelect,
  | 'method'
  | 'tokensSealed'
  | 'tokenExpiresAt'
  | 'lastVerifiedAt'
  | 'createdAt'
  | 'refreshFailedAt'
  | 'lastErrorCode'
>;

export const MAX_REFRESH_MARGIN_MS = 5 * 60_000;
export const MIN_REFRESH_MARGIN_MS = 30_000;
export const REFRESH_COOLDOWN_MS = 30_000;

/** `lastErrorCode`s after which only a re-authorization helps: the credential reads expired. */
export const REAUTHORIZATION_ERRORS = ['invalid_grant', 'client_changed'] as const;
/** Recorded when a due token has no refresh token: nothing to try until it is re-authorized. */
export const NO_REFRESH_TOKEN = 'no_refresh_token';

/** How long before its expiry a token of this lifetime is refreshed. */
export function refreshMarginMs(lifetimeMs: number): number {
  const margin = Math.max(MIN_REFRESH_MARGIN_MS, Math.min(MAX_REFRESH_MARGIN_MS, lifetimeMs / 10));
  return Math.min(margin, Math.max(0, lifetimeMs / 2));
}

/** When the row's token becomes due for a refresh; null when it never expires. */
export function refreshDueAt(row: Row): Date | null {
  if (row.method !== 'oauth2' || row.tokensSealed === null || row.tokenExpiresAt === null) {
    return null;
  }
  // The lifetime is counted from when the provider last issued the tokens (the code exchange or
  // the last refresh both set `lastVerifiedAt`).
  const issuedAt = (row.lastVerifiedAt ?? row.createdAt).getTime();
  const expiresAt = row.tokenExpiresAt.getTime();
  return new Date(expiresAt - refreshMarginMs(expiresAt - issuedAt));
}

/** Whether only the user can repair the credential (it reads expired). */
export function needsReauthorization(row: Pick<Row, 'lastErrorCode'>): boolean {
  return (REAUTHORIZATION_ERRORS as readonly (string | null)[]).includes(row.lastErrorCode);
}

/** Whether a refresh should be attempted now (due, repairable, out of the cooldown). */
export function shouldRefresh(row: Row, now: Date): boolean {
  const dueAt = refreshDueAt(row);
  return (
    dueAt !== null &&
    dueAt.getTime() <= now.getTime() &&
    !needsReauthorization(row) &&
    row.lastErrorCode !== NO_REFRESH_TOKEN &&
    cooldownLeftMs(row, now) === 0
  );
}

/** How long until the cooldown after a failed refresh ends (0: none). */
export function cooldownLeftMs(row: Pick<Row, 'refreshFailedAt'>, now: Date): number {
  if (row.refreshFailedAt === null) return 0;
  return Math.max(0, row.refreshFailedAt.getTime() + REFRESH_COOLDOWN_MS - now.getTime());
}
