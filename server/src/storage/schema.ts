/**
 * The reference server's tables (drizzle, PostgreSQL dialect: runs on Debian's PostgreSQL 15 and on
 * PGlite alike). Every row carries its tenant, and every query is scoped by it. Business
 * timestamps come from the server's injected clock, never from the database's `now()`, so tests
 * can move time and two instances agree on what "expired" means.
 *
 * Secret material (API-key secrets, OAuth tokens, custom client secrets, PKCE verifiers) is only
 * ever stored sealed by the envelope cipher (`server/src/crypto`): the `*_sealed` columns.
 */
import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Stored authorizations. `values` holds the non-secret field values; secrets are sealed apart. */
export const credentials = pgTable(
  'credentials',
  {
    id: text('id').primaryKey(),
    /** Insertion order: lists are oldest first, and ties of `created_at` keep the order of creation. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    tenantId: text('tenant_id').notNull(),
    providerId: text('provider_id').notNull(),
    name: text('name').notNull(),
    /** The name's comparison key (NFKC, case-folded): uniqueness ignores case and look-alikes. */
    nameKey: text('name_key').notNull(),
    method: text('method', { enum: ['api_key', 'oauth2'] }).notNull(),
    /** `invalid` once the provider refused the grant; `expired` is computed from the token's expiry. */
    health: text('health', { enum: ['active', 'invalid'] }).notNull(),
    account: text('account'),
    values: jsonb('values').$type<Record<string, string | boolean>>().notNull(),
    /** Field name → sealed secret (an empty optional secret is stored as ''). */
    secretsSealed: jsonb('secrets_sealed').$type<Record<string, string>>().notNull(),
    /** The OAuth token set, sealed as one JSON document. */
    tokensSealed: text('tokens_sealed'),
    tokenExpiresAt: at('token_expires_at'),
    /**
     * The scopes the provider granted (OAuth), space-separated, and whether a refresh token is
     * held: plain columns beside the sealed token set, so that listing credentials never unseals
     * it (neither is secret). Null for API keys, and in grants stored before they were recorded.
     */
    grantedScopes: text('granted_scopes'),
    refreshable: boolean('refreshable'),
    /** When the tokens were last refreshed. */
    lastRefreshAt: at('last_refresh_at'),
    /** When a refresh last failed: no new attempt before the cooldown has passed. */
    refreshFailedAt: at('refresh_failed_at'),
    /** When the provider last confirmed the key or grant (verification, exchange or refresh). */
    lastVerifiedAt: at('last_verified_at'),
    /** The last error with the provider (a code and a capped message), until it works again. */
    lastErrorCode: text('last_error_code'),
    lastErrorMessage: text('last_error_message'),
    version: integer('version').notNull(),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (table) => [
    uniqueIndex('credentials_unique_name').on(table.tenantId, table.providerId, table.nameKey),
    index('credentials_by_tenant').on(table.tenantId, table.createdAt, table.seq),
  ],
);

/** Which credential nodes that follow a provider's default use. */
export const defaultCredentials = pgTable(
  'default_credentials',
  {
    tenantId: text('tenant_id').notNull(),
    providerId: text('provider_id').notNull(),
    credentialId: text('credential_id')
      .notNull()
      .references(() => credentials.id, { onDelete: 'cascade' }),
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.providerId] })],
);

/** A tenant's OAuth client settings per provider (Default or a saved Custom client). */
export const oauthClients = pgTable(
  'oauth_clients',
  {
    tenantId: text('tenant_id').notNull(),
    providerId: text('provider_id').notNull(),
    mode: text('mode', { enum: ['default', 'custom'] }).notNull(),
    clientId: text('client_id'),
    clientSecretSealed: text('client_secret_sealed'),
    extra: jsonb('extra').$type<Record<string, string>>().notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.providerId] })],
);

/** OAuth authorization attempts. Only the state's hash is kept; the verifier is sealed. */
export const oauthFlows = pgTable(
  'oauth_flows',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull(),
    userId: text('user_id').notNull(),
    providerId: text('provider_id').notNull(),
    stateHash: text('state_hash').notNull(),
    /** Hash of the browser-binding cookie's value: the callback must come from the same browser. */
    bindingHash: text('binding_hash').notNull(),
    codeVerifierSealed: text('code_verifier_sealed').notNull(),
    clientId: text('client_id').notNull(),
    clientMode: text('client_mode', { enum: ['default', 'custom'] }).notNull(),
    redirectUri: text('redirect_uri').notNull(),
    scope: text('scope').notNull(),
    reauthorizeCredentialId: text('reauthorize_credential_id'),
    status: text('status', { enum: ['pending', 'exchanging', 'succeeded', 'failed'] }).notNull(),
    credentialId: text('credential_id'),
    /** What a succeeded flow did to the credential (the contract's `OAuthCredentialOutcome`). */
    outcome: text('outcome', { enum: ['created', 'reauthorized', 'reconnected'] }),
    errorCode: text('error_code'),
    errorMessage: text('error_message'),
    createdAt: at('created_at').notNull(),
    expiresAt: at('expires_at').notNull(),
  },
  (table) => [uniqueIndex('oauth_flows_state').on(table.stateHash)],
);

/**
 * Remembered `Idempotency-Key`s of creates (24 h): a repeat returns the first result. The
 * request's hash tells a true repeat from a reused key.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    tenantId: text('tenant_id').notNull(),
    providerId: text('provider_id').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    credentialId: text('credential_id').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.providerId, table.key] })],
);

/** Append-only record of who changed what (never a secret). */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: at('at').notNull(),
    tenantId: text('tenant_id').notNull(),
    userId: text('user_id').notNull(),
    action: text('action').notNull(),
    providerId: text('provider_id'),
    credentialId: text('credential_id'),
    outcome: text('outcome').notNull(),
    requestId: text('request_id').notNull(),
    detail: text('detail'),
  },
  (table) => [index('audit_events_by_tenant').on(table.tenantId, table.at)],
);

/**
 * Tokens to revoke at their provider after their credential was deleted: the credential goes at
 * once, the revocation is retried from here until it succeeds or is given up (and audited).
 */
export const revocationOutbox = pgTable(
  'revocation_outbox',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull(),
    userId: text('user_id').notNull(),
    providerId: text('provider_id').notNull(),
    credentialId: text('credential_id').notNull(),
    /** The client the tokens were issued to (revocation authenticates as it). */
    clientId: text('client_id').notNull(),
    clientMode: text('client_mode', { enum: ['default', 'custom'] }).notNull(),
    /** The token set, sealed under this row's binding. */
    tokensSealed: text('tokens_sealed').notNull(),
    attempts: integer('attempts').notNull(),
    nextAttemptAt: at('next_attempt_at').notNull(),
    lastError: text('last_error'),
    createdAt: at('created_at').notNull(),
    /** Set when the outbox stopped trying (too many attempts); the row is kept for the audit. */
    givenUpAt: at('given_up_at'),
  },
  (table) => [index('revocation_outbox_due').on(table.givenUpAt, table.nextAttemptAt)],
);

/** Fixed-window request counters of the rate limiter (PostgreSQL deployments share them). */
export const rateLimitCounters = pgTable(
  'rate_limit_counters',
  {
    key: text('key').notNull(),
    windowStart: at('window_start').notNull(),
    count: integer('count').notNull(),
  },
  (table) => [primaryKey({ columns: [table.key, table.windowStart] })],
);

/**
 * A counter per tenant that database triggers bump on every change to its credentials or
 * defaults (see the migration): an instance may serve a cached credential list for as long as
 * the revision it was built at is still the tenant's — whichever instance, or path, wrote since.
 */
export const tenantRevisions = pgTable('tenant_revisions', {
  tenantId: text('tenant_id').primaryKey(),
  revision: bigint('revision', { mode: 'number' }).notNull(),
});
