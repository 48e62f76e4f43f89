/**
 * Credentials: list, create (API key), edit, test, delete and the provider's default — the
 * contract's rules applied to stored rows, secrets sealed by the envelope cipher before they
 * reach the database and verified with the provider before anything is stored.
 */
import { and, asc, eq, gt, ne, sql } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import type {
  CreateApiKeyInput,
  Credential,
  CredentialValues,
  CredentialVerification,
  UpdateCredentialInput,
  VerificationOutcome,
  VerificationReport,
} from '../../../src/credentials/backend';
import type { EnvelopeCipher } from '../crypto/envelope';
import { DecryptionError } from '../crypto/errors';
import {
  ApiError,
  conflict,
  notFound,
  preconditionFailed,
  preconditionRequired,
  validationFailed,
} from '../http/api-error';
import type { Database } from '../storage/database';
import { credentials, defaultCredentials, idempotencyKeys } from '../storage/schema';
import { credentialSecretBinding, credentialTokensBinding } from '../storage/sealed-values';
import { isUniqueViolation } from '../storage/sql-errors';
import type { AuditTrail } from './audit';
import { requireProvider, urlFieldsOf, type CatalogProvider } from './catalog';
import { createCredentialListCache } from './credential-list-cache';
import { credentialView, type CredentialRow } from './credential-view';
import { parseStoredTokens, type StoredTokens } from './oauth-client-protocol';
import type { Principal } from './principal';
import { enqueueRevocation } from './revocation-outbox';
import { checkFieldValues, checkName, nameKey, numberedName } from './rules';
import { assertAccepted, type ApiKeyVerifier, type VerificationResult } from './verification';
import { verificationReport } from './verification-report';

/** How long an `Idempotency-Key` is remembered. */
const IDEMPOTENCY_WINDOW_MS = 24 * 3_600_000;

export interface CredentialServiceOptions {
  db: Database;
  cipher: EnvelopeCipher;
  clock: () => Date;
  verifier: ApiKeyVerifier;
  audit: AuditTrail;
  /** A development server also accepts URL fields on this machine's loopback (self-hosted). */
  development: boolean;
}

/** Who asks and under which request id (for the audit). */
export interface Caller {
  principal: Principal;
  requestId: string;
}

export type CredentialService = ReturnType<typeof createCredentialService>;

export function createCredentialService(options: CredentialServiceOptions) {
  const { db, cipher, clock, verifier, audit, development } = options;
  const listCache = createCredentialListCache(db);

  /** A tenant's credentials (or one provider's), oldest first, with the default marked. */
  function listRows(tenantId: string, providerId: string | undefined) {
    return db
      .select({ row: credentials, defaultId: defaultCredentials.credentialId })
      .from(credentials)
      .leftJoin(
        defaultCredentials,
        and(
          eq(defaultCredentials.tenantId, credentials.tenantId),
          eq(defaultCredentials.providerId, credentials.providerId),
        ),
      )
      .where(
        and(
          eq(credentials.tenantId, tenantId),
          providerId === undefined ? undefined : eq(credentials.providerId, providerId),
        ),
      )
      .orderBy(asc(credentials.createdAt), asc(credentials.seq));
  }

  async function defaultIdOf(tenantId: string, providerId: string): Promise<string | null> {
    const [row] = await db
      .select({ credentialId: defaultCredentials.credentialId })
      .from(defaultCredentials)
      .where(
        and(
          eq(defaultCredentials.tenantId, tenantId),
          eq(defaultCredentials.providerId, providerId),
        ),
      );
    return row?.credentialId ?? null;
  }

  async function view(row: CredentialRow): Promise<Credential> {
    return credentialView(
      row,
      (await defaultIdOf(row.tenantId, row.providerId)) === row.id,
      clock(),
    );
  }

  async function findRow(tenantId: string, credentialId: string): Promise<CredentialRow | null> {
    const [row] = await db
      .select()
      .from(credentials)
      .where(and(eq(credentials.tenantId, tenantId), eq(credentials.id, credentialId)));
    return row ?? null;
  }

  async function requireRow(tenantId: string, credentialId: string): Promise<CredentialRow> {
    const row = await findRow(tenantId, credentialId);
    if (!row) throw notFound('This credential no longer exists.');
    return row;
  }

  async function takenNames(tenantId: string, providerId: string): Promise<string[]> {
    const rows = await db
      .select({ name: credentials.name })
      .from(credentials)
      .where(and(eq(credentials.tenantId, tenantId), eq(credentials.providerId, providerId)));
    return rows.map((row) => row.name);
  }

  /** The full values of a stored API-key credential, secrets opened (for an edit's checks). */
  async function openValues(row: CredentialRow): Promise<CredentialValues> {
    const values: CredentialValues = { ...row.values };
    for (const [field, sealed] of Object.entries(row.secretsSealed)) {
      values[field] =
        sealed === '' ? '' : await cipher.open(sealed, credentialSecretBinding(row, field));
    }
    return values;
  }

  /** Splits checked values into what is stored in clear and the secrets to seal. */
  async function sealValues(
    provider: CatalogProvider,
    row: { id: string; tenantId: string },
    values: CredentialValues,
    keep: Record<string, string> = {},
  ) {
    const plain: CredentialValues = {};
    const sealed: Record<string, string> = {};
    for (const field of provider.apiKeyFields) {
      const value = values[field.name];
      if (value === undefined) continue;
      if (field.type !== 'secret') {
        plain[field.name] = value;
        continue;
      }
      const text = String(value);
      const kept = keep[field.name];
      sealed[field.name] =
        kept !== undefined
          ? kept
          : text === ''
            ? ''
            : await cipher.seal(text, credentialSecretBinding(row, field.name));
    }
    return { plain, sealed };
  }

  /**
   * The contract's field rules for API key values, as a create applies them; with `previous` (an
   * edit's draft), omitted values and secrets sent as the mask are the stored ones.
   */
  function checkValues(
    provider: CatalogProvider,
    values: CredentialValues,
    previous?: CredentialValues,
    fields = provider.apiKeyFields,
  ) {
    return checkFieldValues(fields, values, {
      ...(previous && { previous }),
      urlFields: urlFieldsOf(provider.id),
      development,
    });
  }

  /** {@link checkValues} for a test, which has no name to check: the values, or the 422. */
  function checkedValues(
    provider: CatalogProvider,
    values: CredentialValues,
    previous?: CredentialValues,
  ): CredentialValues {
    const checked = checkValues(provider, values, previous);
    if (!checked.ok) throw validationFailed({ ...checked.fieldErrors });
    return checked.values;
  }

  /**
   * The provider's verdict on checked values. Values without any secret (Jina Reader without a
   * key) have nothing the provider could accept: not verifiable, and no call.
   */
  async function ask(
    provider: CatalogProvider,
    values: CredentialValues,
  ): Promise<VerificationResult> {
    const anySecret = provider.apiKeyFields.some(
      (field) => field.type === 'secret' && (values[field.name] ?? '') !== '',
    );
    if (!anySecret) return { outcome: 'not_verifiable' };
    return verifier.verifyApiKey(provider.id, values);
  }

  /**
   * Asks the provider before a write; a refusal or an outage is audited (someone tried a key) and
   * thrown. Resolves with whether the provider accepted the key (not: it could not be checked).
   */
  async function verify(
    caller: Caller,
    provider: CatalogProvider,
    values: CredentialValues,
    credentialId: string | null,
  ): Promise<boolean> {
    const result = await ask(provider, values);
    if (result.outcome === 'refused' || result.outcome === 'unavailable') {
      await audit.record(caller.principal, caller.requestId, {
        action: credentialId === null ? 'credential.create' : 'credential.update',
        outcome: result.outcome === 'refused' ? 'refused' : 'failed',
        providerId: provider.id,
        credentialId,
        detail: result.outcome === 'refused' ? 'credential_rejected' : 'provider_unavailable',
      });
    }
    assertAccepted(result, provider.name);
    return result.outcome === 'accepted';
  }

  /**
   * **Test**: the provider's verdict on checked values as a report, audited whatever it is
   * (someone asked the provider about a key). Nothing is thrown for a verdict: it is the answer.
   */
  async function test(
    caller: Caller,
    provider: CatalogProvider,
    values: CredentialValues,
    tested: { credentialId: string; draft: boolean } | null,
  ): Promise<VerificationReport> {
    const report = verificationReport(await ask(provider, values), provider, clock());
    await audit.record(caller.principal, caller.requestId, {
      action: 'credential.verify',
      outcome: auditOutcomes[report.outcome],
      providerId: provider.id,
      credentialId: tested?.credentialId ?? null,
      detail: tested?.draft ? `${report.outcome} (draft)` : report.outcome,
    });
    return report;
  }

  /**
   * Records a verdict on what is stored: accepted sets `lastVerifiedAt` and makes the credential
   * active again, refused marks it invalid, a provider that could not say changes nothing. Never
   * a new version or `updatedAt`: nobody changed the credential (an edit based on the version the
   * user saw must still apply). The credential list's cache follows by itself: the tenant
   * revision trigger (migration 0001) fires on this update like on any other.
   */
  async function recordVerdict(
    row: CredentialRow,
    outcome: VerificationOutcome,
  ): Promise<CredentialRow> {
    const change =
      outcome === 'accepted'
        ? { lastVerifiedAt: clock(), health: 'active' as const }
        : outcome === 'refused'
          ? { health: 'invalid' as const }
          : null;
    if (change === null) return row;
    // The version in the WHERE: a verdict on values someone replaced meanwhile is not theirs.
    const [updated] = await db
      .update(credentials)
      .set(change)
      .where(
        and(
          eq(credentials.tenantId, row.tenantId),
          eq(credentials.id, row.id),
          eq(credentials.version, row.version),
        ),
      )
      .returning();
    return updated ?? requireRow(row.tenantId, row.id);
  }

  function methodNotSupported(message: string): ApiError {
    return new ApiError(400, { code: 'method_not_supported', message, retryable: false });
  }

  function requireApiKey(provider: CatalogProvider): void {
    if (!provider.methods.includes('api_key')) {
      throw methodNotSupported(`${provider.name} does not accept API keys.`);
    }
  }

  /**
   * Moves an OAuth credential's tokens to the revocation outbox (re-sealed under the outbox row's
   * binding). A token set that no longer opens (tampered with) cannot be revoked; it must not
   * keep the user from deleting the credential either, so the delete goes on and says so.
   */
  async function queueRevocation(
    tx: Pick<Database, 'insert'>,
    caller: Caller,
    row: CredentialRow,
  ): Promise<'revocation_queued' | 'tokens_unreadable' | null> {
    if (row.tokensSealed === null) return null;
    let tokens: StoredTokens;
    try {
      tokens = parseStoredTokens(await cipher.open(row.tokensSealed, credentialTokensBinding(row)));
    } catch (error) {
      if (error instanceof DecryptionError) return 'tokens_unreadable';
      throw error;
    }
    await enqueueRevocation(tx, cipher, {
      tenantId: row.tenantId,
      userId: caller.principal.userId,
      providerId: row.providerId,
      credentialId: row.id,
      tokens,
      now: clock(),
    });
    return 'revocation_queued';
  }

  function duplicateName(provider: CatalogProvider, name: string): ApiError {
    return conflict(
      'duplicate_name',
      `A ${provider.name} credential named "${name}" already exists.`,
      { name: 'This name is already used.' },
    );
  }

  return {
    /**
     * The `GET /credentials` body (`{"credentials":[…]}`), from this instance's cache while the
     * tenant's revision is unchanged (see credential-list-cache.ts).
     */
    async listBody(caller: Caller, providerId?: string): Promise<Uint8Array<ArrayBuffer>> {
      const { tenantId } = caller.principal;
      if (providerId !== undefined) requireProvider(providerId);
      const key = `${tenantId}\u0000${providerId ?? ''}`;
      // The revision is read before the rows: a change committed in between makes the entry
      // stale at once, never the other way round.
      const revision = await listCache.revision(tenantId);
      const cached = listCache.get(key, revision, clock().getTime());
      if (cached !== null) return cached;
      const rows = await listRows(tenantId, providerId);
      const now = clock();
      const text = JSON.stringify({
        credentials: rows.map(({ row, defaultId }) =>
          credentialView(row, defaultId === row.id, now),
        ),
      });
      // A status reads differently once a token expires: keep the list until the first expiry.
      const validUntil = rows.reduce((soonest, { row }) => {
        const expiry = row.tokenExpiresAt?.getTime();
        return expiry !== undefined && expiry > now.getTime() ? Math.min(soonest, expiry) : soonest;
      }, Number.POSITIVE_INFINITY);
      const body = new TextEncoder().encode(text);
      listCache.set(key, { revision, validUntil, body });
      return body;
    },

    async createApiKey(
      caller: Caller,
      providerId: string,
      input: CreateApiKeyInput,
      idempotencyKey: string | null,
    ): Promise<Credential> {
      const { tenantId } = caller.principal;
      const provider = requireProvider(providerId);
      requireApiKey(provider);

      const requestHash = idempotencyKey === null ? null : hashRequest(input);
      if (idempotencyKey !== null && requestHash !== null) {
        const replay = await replayed(tenantId, provider.id, idempotencyKey, requestHash);
        if (replay) return replay;
      }

      const checked = checkValues(provider, input.values);
      const nameCheck = checkName(input.name ?? '');
      const fieldErrors = checked.ok ? {} : { ...checked.fieldErrors };
      if (nameCheck.problem) fieldErrors.name = nameCheck.problem.message;
      if (!checked.ok || nameCheck.problem) throw validationFailed(fieldErrors);
      // An empty name lets the server choose one.
      const named = { name: nameCheck.name === '' ? null : nameCheck.name };

      const taken = await takenNames(tenantId, provider.id);
      if (named.name !== null && taken.some((other) => nameKey(other) === nameKey(named.name!))) {
        throw duplicateName(provider, named.name);
      }

      // Verify before storing anything: a refused key or an unreachable provider stores nothing.
      const accepted = await verify(caller, provider, checked.values, null);

      const id = crypto.randomUUID();
      const { plain, sealed } = await sealValues(provider, { id, tenantId }, checked.values);
      const now = clock();

      // An automatic name can lose a race to a concurrent create: take the next free one.
      for (let attempt = 0; ; attempt += 1) {
        const name =
          named.name ??
          numberedName(`${provider.name} API key`, await takenNames(tenantId, provider.id));
        try {
          const outcome = await db.transaction(async (tx) => {
            if (idempotencyKey !== null && requestHash !== null) {
              const claimed = await tx
                .insert(idempotencyKeys)
                .values({
                  tenantId,
                  providerId: provider.id,
                  key: idempotencyKey,
                  requestHash,
                  credentialId: id,
                  createdAt: now,
                })
                .onConflictDoNothing()
                .returning();
              // The same key is being (or was just) used by a concurrent request: answer as it did.
              if (claimed.length === 0) return 'replay' as const;
            }
            await tx.insert(credentials).values({
              id,
              tenantId,
              providerId: provider.id,
              name,
              nameKey: nameKey(name),
              method: 'api_key',
              health: 'active',
              account: null,
              values: plain,
              secretsSealed: sealed,
              tokensSealed: null,
              tokenExpiresAt: null,
              lastVerifiedAt: accepted ? now : null,
              version: 1,
              createdAt: now,
              updatedAt: now,
            });
            // The provider's first credential becomes its default.
            await tx
              .insert(defaultCredentials)
              .values({ tenantId, providerId: provider.id, credentialId: id })
              .onConflictDoNothing();
            return 'created' as const;
          });
          if (outcome === 'replay' && idempotencyKey !== null && requestHash !== null) {
            const replay = await replayed(tenantId, provider.id, idempotencyKey, requestHash);
            if (replay) return replay;
            throw notFound('The credential this request created no longer exists.');
          }
          await audit.record(caller.principal, caller.requestId, {
            action: 'credential.create',
            outcome: 'succeeded',
            providerId: provider.id,
            credentialId: id,
          });
          return view(await requireRow(tenantId, id));
        } catch (error) {
          if (!isUniqueViolation(error, 'credentials_unique_name')) throw error;
          if (named.name !== null) throw duplicateName(provider, named.name);
          if (attempt >= 5) throw error;
        }
      }
    },

    async update(
      caller: Caller,
      credentialId: string,
      ifMatch: string | null,
      input: UpdateCredentialInput,
    ): Promise<Credential> {
      const { tenantId } = caller.principal;
      const basedOn = parseIfMatch(ifMatch);
      const row = await requireRow(tenantId, credentialId);
      if (row.version !== basedOn) throw preconditionFailed();
      const provider = requireProvider(row.providerId);

      // An OAuth credential has no fields of its own: only its name can be edited.
      const fields = row.method === 'api_key' ? provider.apiKeyFields : [];
      const previous = row.method === 'api_key' ? await openValues(row) : {};
      const checked = checkValues(provider, input.values ?? {}, previous, fields);
      const nameCheck =
        input.name === undefined
          ? { name: row.name, problem: null }
          : checkName(input.name, { required: true });
      const { name, problem } = nameCheck;
      const fieldErrors = checked.ok ? {} : { ...checked.fieldErrors };
      if (problem) fieldErrors.name = problem.message;
      if (!checked.ok || problem) throw validationFailed(fieldErrors);

      const secretChanged = fields.some(
        (field) => field.type === 'secret' && checked.values[field.name] !== previous[field.name],
      );
      const valuesChanged = !sameValues(checked.values, previous);
      if (name === row.name && !valuesChanged) return view(row);

      const others = await db
        .select({ name: credentials.name })
        .from(credentials)
        .where(
          and(
            eq(credentials.tenantId, tenantId),
            eq(credentials.providerId, provider.id),
            ne(credentials.id, row.id),
          ),
        );
      if (others.some((other) => nameKey(other.name) === nameKey(name))) {
        throw duplicateName(provider, name);
      }

      // A changed secret is judged as on create, and what was said of the old one no longer
      // holds: a refusal that made it invalid, or when the provider last accepted it.
      const judged = secretChanged
        ? {
            health: 'active' as const,
            lastVerifiedAt: (await verify(caller, provider, checked.values, row.id))
              ? clock()
              : null,
          }
        : {};
      const keep: Record<string, string> = {};
      for (const field of fields) {
        if (field.type === 'secret' && checked.values[field.name] === previous[field.name]) {
          const sealed = row.secretsSealed[field.name];
          if (sealed !== undefined) keep[field.name] = sealed;
        }
      }
      const { plain, sealed } =
        row.method === 'api_key'
          ? await sealValues(provider, row, checked.values, keep)
          : { plain: row.values, sealed: row.secretsSealed };

      let updated: CredentialRow[];
      try {
        // The version in the WHERE makes the check and the write one atomic step.
        updated = await db
          .update(credentials)
          .set({
            name,
            nameKey: nameKey(name),
            values: plain,
            secretsSealed: sealed,
            ...judged,
            version: sql`${credentials.version} + 1`,
            updatedAt: clock(),
          })
          .where(
            and(
              eq(credentials.tenantId, tenantId),
              eq(credentials.id, row.id),
              eq(credentials.version, basedOn),
            ),
          )
          .returning();
      } catch (error) {
        if (isUniqueViolation(error, 'credentials_unique_name'))
          throw duplicateName(provider, name);
        throw error;
      }
      const [stored] = updated;
      if (!stored) {
        if (!(await findRow(tenantId, row.id))) throw notFound('This credential no longer exists.');
        throw preconditionFailed();
      }
      await audit.record(caller.principal, caller.requestId, {
        action: 'credential.update',
        outcome: 'succeeded',
        providerId: provider.id,
        credentialId: row.id,
        detail: secretChanged ? 'secret changed' : null,
      });
      return view(stored);
    },

    /** **Test** in Add API Key: values checked as a create checks them, then forgotten. */
    async verifyDraft(
      caller: Caller,
      providerId: string,
      values: CredentialValues,
    ): Promise<VerificationReport> {
      const provider = requireProvider(providerId);
      requireApiKey(provider);
      return test(caller, provider, checkedValues(provider, values), null);
    },

    /**
     * **Test connection** (no `draft`: what is stored, the verdict recorded) and the Edit
     * dialog's **Test** (`draft`, merged over the stored values as an edit merges it: recorded
     * only when it comes to what is stored).
     */
    async verifyStored(
      caller: Caller,
      credentialId: string,
      draft: CredentialValues | undefined,
    ): Promise<CredentialVerification> {
      const row = await requireRow(caller.principal.tenantId, credentialId);
      const provider = requireProvider(row.providerId);
      if (row.method !== 'api_key') {
        throw methodNotSupported(
          `${provider.name} credentials connected with OAuth cannot be tested with a key.`,
        );
      }
      const stored = await openValues(row);
      const values = draft === undefined ? stored : checkedValues(provider, draft, stored);
      const isStored = sameValues(values, stored);
      const report = await test(caller, provider, values, {
        credentialId: row.id,
        draft: !isStored,
      });
      const current = isStored ? await recordVerdict(row, report.outcome) : row;
      return { report, credential: await view(current) };
    },

    async remove(caller: Caller, credentialId: string, ifMatch: string | null): Promise<void> {
      const { tenantId } = caller.principal;
      const basedOn = parseIfMatch(ifMatch);
      const removed = await db.transaction(async (tx) => {
        const [row] = await tx
          .select()
          .from(credentials)
          .where(and(eq(credentials.tenantId, tenantId), eq(credentials.id, credentialId)))
          .for('update');
        if (!row) throw notFound('This credential no longer exists.');
        if (row.version !== basedOn) throw preconditionFailed();
        const [wasDefault] = await tx
          .select()
          .from(defaultCredentials)
          .where(
            and(
              eq(defaultCredentials.tenantId, tenantId),
              eq(defaultCredentials.providerId, row.providerId),
              eq(defaultCredentials.credentialId, row.id),
            ),
          );
        // The tokens leave with the credential, into the revocation outbox, in this same
        // transaction: the credential is gone at once and the revocation cannot be lost.
        const revocation = row.method === 'oauth2' ? await queueRevocation(tx, caller, row) : null;
        await tx.delete(credentials).where(eq(credentials.id, row.id));
        if (wasDefault) {
          // The oldest remaining credential of the provider takes over, as the first became default.
          const [successor] = await tx
            .select({ id: credentials.id })
            .from(credentials)
            .where(
              and(eq(credentials.tenantId, tenantId), eq(credentials.providerId, row.providerId)),
            )
            .orderBy(asc(credentials.createdAt), asc(credentials.seq))
            .limit(1);
          if (successor) {
            await tx
              .insert(defaultCredentials)
              .values({ tenantId, providerId: row.providerId, credentialId: successor.id })
              .onConflictDoUpdate({
                target: [defaultCredentials.tenantId, defaultCredentials.providerId],
                set: { credentialId: successor.id },
              });
          }
        }
        return { row, revocation };
      });
      await audit.record(caller.principal, caller.requestId, {
        action: 'credential.delete',
        outcome: 'succeeded',
        providerId: removed.row.providerId,
        credentialId: removed.row.id,
        detail: removed.revocation,
      });
    },

    async setDefault(caller: Caller, providerId: string, credentialId: string): Promise<void> {
      const { tenantId } = caller.principal;
      const provider = requireProvider(providerId);
      const row = await requireRow(tenantId, credentialId);
      if (row.providerId !== provider.id) {
        throw validationFailed({
          credentialId: `This credential belongs to another provider, not ${provider.name}.`,
        });
      }
      await db
        .insert(defaultCredentials)
        .values({ tenantId, providerId: provider.id, credentialId: row.id })
        .onConflictDoUpdate({
          target: [defaultCredentials.tenantId, defaultCredentials.providerId],
          set: { credentialId: row.id },
        });
      await audit.record(caller.principal, caller.requestId, {
        action: 'credential.set_default',
        outcome: 'succeeded',
        providerId: provider.id,
        credentialId: row.id,
      });
    },
  };

  /** The credential an earlier request with this key made; 422 when the key came with another body. */
  async function replayed(
    tenantId: string,
    providerId: string,
    key: string,
    requestHash: string,
  ): Promise<Credential | null> {
    const [remembered] = await db
      .select()
      .from(idempotencyKeys)
      .where(
        and(
          eq(idempotencyKeys.tenantId, tenantId),
          eq(idempotencyKeys.providerId, providerId),
          eq(idempotencyKeys.key, key),
          gt(idempotencyKeys.createdAt, new Date(clock().getTime() - IDEMPOTENCY_WINDOW_MS)),
        ),
      );
    if (!remembered) {
      // A key past its window is forgotten, so it can be used again.
      await db
        .delete(idempotencyKeys)
        .where(
          and(
            eq(idempotencyKeys.tenantId, tenantId),
            eq(idempotencyKeys.providerId, providerId),
            eq(idempotencyKeys.key, key),
          ),
        );
      return null;
    }
    if (remembered.requestHash !== requestHash) {
      throw validationFailed(
        {},
        'This Idempotency-Key was already used for a different request.',
        'idempotency_key_reused',
      );
    }
    const row = await findRow(tenantId, remembered.credentialId);
    if (!row) throw notFound('The credential this request created no longer exists.');
    return view(row);
  }
}

/** How a test's verdict reads in the audit trail. */
const auditOutcomes: Record<VerificationOutcome, 'succeeded' | 'refused' | 'failed'> = {
  accepted: 'succeeded',
  not_verifiable: 'succeeded',
  refused: 'refused',
  unreachable: 'failed',
  rate_limited: 'failed',
};

function sameValues(a: CredentialValues, b: CredentialValues): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => a[key] === b[key]);
}

/** The version a change was based on: `If-Match: "3"` (an entity tag) or a bare `3`. */
function parseIfMatch(header: string | null): number {
  if (header === null || header.trim() === '') throw preconditionRequired();
  const match = /^(?:W\/)?"?(\d+)"?$/.exec(header.trim());
  if (!match?.[1]) {
    throw new ApiError(400, {
      code: 'bad_request',
      message: 'If-Match must be the credential version, e.g. "3".',
      retryable: false,
    });
  }
  return Number(match[1]);
}

/**
 * A digest of a create's body, to tell a true repeat from a reused key. It covers the secret, so
 * it is a keyed-free SHA-256 of high-entropy input — never the secret itself.
 */
function hashRequest(input: CreateApiKeyInput): string {
  const canonical = JSON.stringify({
    name: (input.name ?? '').trim(),
    values: Object.fromEntries(Object.entries(input.values).sort(([a], [b]) => a.localeCompare(b))),
  });
  return createHash('sha256').update(canonical).digest('base64url');
}
