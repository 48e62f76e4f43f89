import type {
  AuthMethod,
  Credential,
  CredentialValues,
  OAuthCredentialOutcome,
  OAuthFlowState,
} from '../../src/credentials/backend';

/**
 * What the mock server keeps. It plays the server, so it holds real secrets (API keys, client
 * secrets, tokens); they leave it only as the mask. Times are epoch milliseconds.
 */
export interface StoreState {
  /** Bumped when the shape changes, so an old localStorage entry is dropped, not misread. */
  schemaVersion: typeof STATE_SCHEMA_VERSION;
  /** The dataset the state started from (see `seeds.ts`). */
  seed: string;
  credentials: StoredCredential[];
  /** Provider id → id of its default credential. */
  defaults: Record<string, string>;
  /** Provider id → its OAuth client settings, when they were ever saved. */
  oauthClients: Record<string, StoredOAuthClient>;
  flows: StoredFlow[];
  authorizationCodes: StoredAuthorizationCode[];
  /** Creates made with an `Idempotency-Key`, remembered for 24 hours. */
  idempotentCreates: StoredIdempotentCreate[];
}

export const STATE_SCHEMA_VERSION = 2;

export interface StoredCredential {
  id: string;
  providerId: string;
  name: string;
  method: AuthMethod;
  /** Real values, secrets included. */
  values: CredentialValues;
  account: string | null;
  /** OAuth tokens (never returned); no refresh token when the grant cannot renew itself. */
  tokens: { accessToken: string; refreshToken: string | null } | null;
  /**
   * The scopes the provider granted (OAuth); absent in a store saved before it was recorded,
   * which the API shows as unknown (null).
   */
  grantedScopes?: string[] | null;
  /** `invalid` when the provider revoked the grant; `expired` is computed from `expiresAt`. */
  health: 'active' | 'invalid';
  version: number;
  createdAt: number;
  updatedAt: number;
  expiresAt: number | null;
  /** When the provider last accepted the stored key; absent in a store saved before it existed. */
  lastVerifiedAt?: number | null;
}

export interface StoredOAuthClient {
  mode: 'default' | 'custom';
  custom: { clientId: string; clientSecret: string; extra: Record<string, string> } | null;
}

export interface StoredFlow {
  id: string;
  providerId: string;
  state: string;
  codeVerifier: string;
  codeChallenge: string;
  clientId: string;
  redirectUri: string;
  scope: string;
  /** The credential a re-authorization replaces the tokens of. */
  reauthorizeCredentialId: string | null;
  /** `expired` is also computed on read for a pending flow past `expiresAt`. */
  status: OAuthFlowState;
  credentialId: string | null;
  /** What a succeeded flow did to the credential (absent in a store saved before it existed). */
  outcome?: OAuthCredentialOutcome | null;
  error: { code: string; message: string } | null;
  createdAt: number;
  expiresAt: number;
}

/** An authorization code the simulated provider issued, and what it was issued for. */
export interface StoredAuthorizationCode {
  code: string;
  providerId: string;
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  scope: string;
  state: string;
  account: string;
  used: boolean;
  expiresAt: number;
}

/** A create made with an `Idempotency-Key`: what a repeat of it is answered with. */
export interface StoredIdempotentCreate {
  providerId: string;
  key: string;
  /** SHA-256 (hex) of the request body's canonical form: a repeat must send the same body. */
  bodyHash: string;
  /** The 201 response's credential, as first answered (secrets masked). */
  response: Credential;
  expiresAt: number;
}

/** A state with no credentials, clients, flows or codes. */
export function emptyState(seed: string): StoreState {
  return {
    schemaVersion: STATE_SCHEMA_VERSION,
    seed,
    credentials: [],
    defaults: {},
    oauthClients: {},
    flows: [],
    authorizationCodes: [],
    idempotentCreates: [],
  };
}

/** Parses a persisted state; anything unreadable or from an older shape yields null. */
export function parseState(text: string | null): StoreState | null {
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return null;
    if (!('schemaVersion' in value) || value.schemaVersion !== STATE_SCHEMA_VERSION) return null;
    // The entry is only ever written by this module, so a matching schema version vouches for the rest.
    return value as StoreState;
  } catch {
    return null;
  }
}
