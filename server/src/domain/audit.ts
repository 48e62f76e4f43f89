/**
 * The append-only audit trail: who did what to which credential, and how it ended. It never holds
 * a secret — only ids, the action, the outcome and the request id that ties it to the logs.
 */
import { and, desc, eq } from 'drizzle-orm';
import type { Database } from '../storage/database';
import { auditEvents } from '../storage/schema';
import type { Principal } from './principal';

export type AuditAction =
  | 'credential.create'
  | 'credential.update'
  | 'credential.delete'
  | 'credential.set_default'
  /** **Test**: a provider asked about a key (a draft's, or a stored credential's). */
  | 'credential.verify'
  | 'oauth_client.save'
  | 'oauth_client.delete'
  | 'oauth.authorize'
  | 'oauth.cancel'
  /** Background: a refresh the provider refused (the credential now reads expired). */
  | 'credential.refresh'
  /** Background: the outcome of revoking a deleted credential's tokens at the provider. */
  | 'credential.revoke';

export interface AuditEntry {
  action: AuditAction;
  outcome: 'succeeded' | 'refused' | 'failed';
  providerId?: string | null;
  credentialId?: string | null;
  /** A short, secret-free note (an error code, "reauthorized", …). */
  detail?: string | null;
}

/** Writes audit entries for one principal and request. */
export interface AuditTrail {
  record(principal: Principal, requestId: string, entry: AuditEntry): Promise<void>;
}

export function createAuditTrail(db: Database, clock: () => Date): AuditTrail {
  return {
    async record(principal, requestId, entry) {
      await db.insert(auditEvents).values({
        at: clock(),
        tenantId: principal.tenantId,
        userId: principal.userId,
        action: entry.action,
        providerId: entry.providerId ?? null,
        credentialId: entry.credentialId ?? null,
        outcome: entry.outcome,
        requestId,
        detail: entry.detail ?? null,
      });
    },
  };
}

/** The newest audit events, optionally of one tenant (for the CLI's `audit` command). */
export async function readAudit(db: Database, options: { tenantId?: string; limit?: number } = {}) {
  return db
    .select()
    .from(auditEvents)
    .where(options.tenantId ? and(eq(auditEvents.tenantId, options.tenantId)) : undefined)
    .orderBy(desc(auditEvents.id))
    .limit(options.limit ?? 100);
}
