/**
 * Puts a deleted OAuth credential's tokens into the revocation outbox, in the caller's
 * transaction: the credential disappears at once, and the revocation worker
 * (`revocation-worker.ts`) revokes the tokens at the provider from here, retrying until it succeeds
 * or gives up. The token set is re-sealed under the outbox row's own binding, so a sealed value
 * copied between the two tables does not open.
 */
import type { EnvelopeCipher } from '../crypto/envelope';
import type { Database } from '../storage/database';
import { revocationOutbox } from '../storage/schema';
import { outboxTokensBinding } from '../storage/sealed-values';
import type { StoredTokens } from './oauth-client-protocol';

/** A transaction or the database: whatever the caller writes the rest of its change with. */
type Writer = Pick<Database, 'insert'>;

export interface RevocationRequest {
  tenantId: string;
  /** Who deleted the credential (named in the audit of the revocation's outcome). */
  userId: string;
  providerId: string;
  credentialId: string;
  tokens: StoredTokens;
  now: Date;
}

/** Adds one outbox row, due at once. */
export async function enqueueRevocation(
  writer: Writer,
  cipher: EnvelopeCipher,
  request: RevocationRequest,
): Promise<void> {
  const id = crypto.randomUUID();
  const { tenantId, tokens, now } = request;
  await writer.insert(revocationOutbox).values({
    id,
    tenantId,
    userId: request.userId,
    providerId: request.providerId,
    credentialId: request.credentialId,
    // An empty client id means "issued before the client was recorded": the worker then
    // authenticates as the client in use.
    clientId: tokens.clientId ?? '',
    clientMode: tokens.clientMode ?? 'default',
    tokensSealed: await cipher.seal(JSON.stringify(tokens), outboxTokensBinding({ id, tenantId })),
    attempts: 0,
    nextAttemptAt: now,
    lastError: null,
    createdAt: now,
    givenUpAt: null,
  });
}
