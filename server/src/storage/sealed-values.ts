/**
 * Every sealed value in the database, with the binding it was sealed under: what boot checks
 * (every key id in use must be configured) and what `rotate-keys` re-wraps. A new sealed column
 * must be added here, or rotation would leave it under the old key.
 */
import { and, eq } from 'drizzle-orm';
import type { EnvelopeCipher, SealBinding } from '../crypto/envelope';
import type { Database } from './database';
import { credentials, oauthClients, oauthFlows, revocationOutbox } from './schema';

/** The binding of a credential's sealed API-key secret or token set. */
export const credentialSecretBinding = (
  row: { id: string; tenantId: string },
  field: string,
): SealBinding => ({
  table: 'credentials',
  rowId: row.id,
  field: `secret:${field}`,
  tenantId: row.tenantId,
});
export const credentialTokensBinding = (row: { id: string; tenantId: string }): SealBinding => ({
  table: 'credentials',
  rowId: row.id,
  field: 'tokens',
  tenantId: row.tenantId,
});
export const clientSecretBinding = (tenantId: string, providerId: string): SealBinding => ({
  table: 'oauth_clients',
  rowId: providerId,
  field: 'client_secret',
  tenantId,
});
export const codeVerifierBinding = (row: { id: string; tenantId: string }): SealBinding => ({
  table: 'oauth_flows',
  rowId: row.id,
  field: 'code_verifier',
  tenantId: row.tenantId,
});

export const outboxTokensBinding = (row: { id: string; tenantId: string }): SealBinding => ({
  table: 'revocation_outbox',
  rowId: row.id,
  field: 'tokens',
  tenantId: row.tenantId,
});

/** The distinct key ids that wrap the data keys of every sealed value stored. */
export async function keyIdsInUse(db: Database, cipher: EnvelopeCipher): Promise<Set<string>> {
  const ids = new Set<string>();
  const note = (sealed: string | null | undefined) => {
    if (sealed) ids.add(cipher.keyIdOf(sealed));
  };
  for (const row of await db
    .select({ secrets: credentials.secretsSealed, tokens: credentials.tokensSealed })
    .from(credentials)) {
    Object.values(row.secrets).forEach(note);
    note(row.tokens);
  }
  for (const row of await db.select({ secret: oauthClients.clientSecretSealed }).from(oauthClients))
    note(row.secret);
  for (const row of await db.select({ verifier: oauthFlows.codeVerifierSealed }).from(oauthFlows))
    note(row.verifier);
  for (const row of await db
    .select({ tokens: revocationOutbox.tokensSealed })
    .from(revocationOutbox))
    note(row.tokens);
  return ids;
}

/** What a rotation did. */
export interface RotationReport {
  rewrapped: number;
  unchanged: number;
}

/**
 * Re-wraps every sealed value under the active key. Each row is updated on its own, so a run that
 * stops half-way is simply run again (values already under the active key are left as they are).
 */
export async function rewrapAll(db: Database, cipher: EnvelopeCipher): Promise<RotationReport> {
  const report: RotationReport = { rewrapped: 0, unchanged: 0 };
  const count = (before: string, after: string) => {
    if (before === after) report.unchanged += 1;
    else report.rewrapped += 1;
    return after;
  };

  for (const row of await db.select().from(credentials)) {
    const secrets: Record<string, string> = {};
    for (const [field, sealed] of Object.entries(row.secretsSealed)) {
      secrets[field] =
        sealed === ''
          ? ''
          : count(sealed, await cipher.rewrap(sealed, credentialSecretBinding(row, field)));
    }
    const tokens =
      row.tokensSealed === null
        ? null
        : count(
            row.tokensSealed,
            await cipher.rewrap(row.tokensSealed, credentialTokensBinding(row)),
          );
    await db
      .update(credentials)
      .set({ secretsSealed: secrets, tokensSealed: tokens })
      .where(eq(credentials.id, row.id));
  }
  for (const row of await db.select().from(oauthClients)) {
    if (row.clientSecretSealed === null) continue;
    const sealed = count(
      row.clientSecretSealed,
      await cipher.rewrap(
        row.clientSecretSealed,
        clientSecretBinding(row.tenantId, row.providerId),
      ),
    );
    await db
      .update(oauthClients)
      .set({ clientSecretSealed: sealed })
      .where(
        and(eq(oauthClients.tenantId, row.tenantId), eq(oauthClients.providerId, row.providerId)),
      );
  }
  for (const row of await db.select().from(oauthFlows)) {
    const sealed = count(
      row.codeVerifierSealed,
      await cipher.rewrap(row.codeVerifierSealed, codeVerifierBinding(row)),
    );
    await db
      .update(oauthFlows)
      .set({ codeVerifierSealed: sealed })
      .where(eq(oauthFlows.id, row.id));
  }
  for (const row of await db.select().from(revocationOutbox)) {
    const sealed = count(
      row.tokensSealed,
      await cipher.rewrap(row.tokensSealed, outboxTokensBinding(row)),
    );
    await db
      .update(revocationOutbox)
      .set({ tokensSealed: sealed })
      .where(eq(revocationOutbox.id, row.id));
  }
  return report;
}
