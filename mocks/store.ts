import type {
  CreateApiKeyInput,
  Credential,
  CredentialValues,
  CredentialVerification,
  OAuthCallbackInput,
  OAuthClientSettings,
  OAuthFlowStart,
  OAuthFlowStatus,
  Provider,
  SaveOAuthClientInput,
  UpdateCredentialInput,
  VerificationReport,
} from '../src/credentials/backend';
import { findProviderFixture, platformClientId } from './fixtures';
import * as credentials from './store/credential-operations';
import type { IdempotentRequest } from './store/credential-operations';
import { createMemoryStorage, type StorageLike } from './store/memory-storage';
import * as oauthClients from './store/oauth-client-operations';
import * as flows from './store/oauth-flow-operations';
import { listProviders, oauthClientOf } from './store/provider-catalog';
import { randomToken, s256CodeChallenge } from './store/random';
import { seedState, type SeedName } from './store/seeds';
import { parseState, type StoreState, type StoredAuthorizationCode } from './store/state';

/** Options of {@link createMockStore}. */
export interface CreateMockStoreOptions {
  /** Where the state lives: `localStorage` in the browser (shared by every window of the origin); memory by default. */
  storage?: StorageLike;
  /** The storage key. */
  key?: string;
  /** The clock, in epoch milliseconds; tests inject one to expire tokens, flows and codes. */
  now?: () => number;
  /** The dataset an empty storage starts from (default `empty`). */
  seed?: SeedName;
}

/**
 * The mock server's state and rules: what a real credentials server would do behind the REST
 * contract, without HTTP. Methods throw {@link MockHttpError} where the server would answer an
 * error status. `origin` arguments are the app's origin, which the redirect URI and the
 * authorization URL are built from: the handlers pass the one they were configured with, never
 * one taken from a request.
 */
export interface MockStore {
  /** The store's clock. */
  now(): number;
  listProviders(): Provider[];
  listCredentials(filter?: { providerId?: string }): Credential[];
  /**
   * With `idempotency` (the request's `Idempotency-Key` and the hash of its body), a repeat of
   * an earlier create (same key, same body, within 24 hours) answers what that one did and
   * stores nothing; the same key with another body is a 422 `idempotency_key_reused`.
   */
  createApiKeyCredential(
    providerId: string,
    input: CreateApiKeyInput,
    idempotency?: IdempotentRequest,
  ): Credential;
  /** `ifMatch` is the raw `If-Match` header (null when absent). */
  updateCredential(
    credentialId: string,
    ifMatch: string | null,
    input: UpdateCredentialInput,
  ): Credential;
  /** **Test** in Add API Key: the provider's verdict on a draft; stores nothing. */
  verifyApiKeyDraft(providerId: string, values: CredentialValues): VerificationReport;
  /** **Test connection** (no `values`) or the Edit dialog's **Test** (a draft). */
  verifyCredential(
    credentialId: string,
    values: CredentialValues | undefined,
  ): CredentialVerification;
  /** `ifMatch` is the raw `If-Match` header (null when absent). */
  deleteCredential(credentialId: string, ifMatch: string | null): void;
  setDefaultCredential(providerId: string, credentialId: string): void;
  getOAuthClient(providerId: string, origin: string): OAuthClientSettings;
  saveOAuthClient(
    providerId: string,
    input: SaveOAuthClientInput,
    origin: string,
  ): OAuthClientSettings;
  deleteOAuthClient(providerId: string, origin: string): OAuthClientSettings;
  startOAuthFlow(
    providerId: string,
    input: { credentialId?: string },
    origin: string,
  ): Promise<OAuthFlowStart>;
  getOAuthFlow(flowId: string): OAuthFlowStatus;
  /** Cancels a pending flow (idempotent); the flow's status afterwards. */
  cancelOAuthFlow(flowId: string): OAuthFlowStatus;
  completeOAuthCallback(input: OAuthCallbackInput): Promise<OAuthFlowStatus>;
  /** The simulated provider's check that it knows a client (the platform's or a saved custom one). */
  isRegisteredClient(providerId: string, clientId: string): boolean;
  /** The simulated provider's record of a code it issued (see `oauth-provider/provider.ts`). */
  recordAuthorizationCode(code: StoredAuthorizationCode): void;
  /** Replaces the whole state with a dataset (default `empty`). */
  reset(seed?: SeedName): void;
  /** Resets to `seed` unless the state already started from it, so a reload keeps the user's changes. */
  ensureSeed(seed: SeedName): void;
}

/** The default storage key. */
export const MOCK_STORE_KEY = 'pipeline-connect:mock-backend';

/** How long finished flows and spent codes are kept before they are pruned. */
const RETENTION_MS = 24 * 3_600_000;

/**
 * Creates the mock server's store. State is re-read from storage on every operation, so writes
 * from another window of the origin (the OAuth popup) are seen at once.
 */
export function createMockStore(options: CreateMockStoreOptions = {}): MockStore {
  const storage = options.storage ?? createMemoryStorage();
  const key = options.key ?? MOCK_STORE_KEY;
  const now = options.now ?? (() => Date.now());

  function load(): StoreState {
    const stored = parseState(storage.getItem(key));
    if (stored) return stored;
    const fresh = seedState(options.seed ?? 'empty', now());
    save(fresh);
    return fresh;
  }

  function save(state: StoreState): void {
    const cutoff = now() - RETENTION_MS;
    state.flows = state.flows.filter((flow) => flow.expiresAt > cutoff);
    state.authorizationCodes = state.authorizationCodes.filter((code) => code.expiresAt > cutoff);
    // An Idempotency-Key is forgotten as soon as its 24 hours are over.
    state.idempotentCreates = state.idempotentCreates.filter((entry) => entry.expiresAt > now());
    storage.setItem(key, JSON.stringify(state));
  }

  function read<T>(run: (state: StoreState) => T): T {
    return run(load());
  }

  /** Runs a change on a fresh read and writes it back, even when it ends in an error that changed state (a spent OAuth state). */
  function write<T>(run: (state: StoreState) => T): T {
    const state = load();
    try {
      return run(state);
    } finally {
      save(state);
    }
  }

  return {
    now,
    listProviders: () => read((state) => listProviders(state)),
    listCredentials: (filter) =>
      read((state) => credentials.listCredentials(state, filter?.providerId, now())),
    createApiKeyCredential: (providerId, input, idempotency) =>
      write((state) => {
        if (idempotency) {
          const earlier = credentials.replayIdempotentCreate(state, providerId, idempotency, now());
          if (earlier) return earlier;
        }
        const created = credentials.credentialView(
          state,
          credentials.createApiKeyCredential(state, providerId, input, now()),
          now(),
        );
        if (idempotency) {
          credentials.rememberIdempotentCreate(state, providerId, idempotency, created, now());
        }
        return created;
      }),
    updateCredential: (credentialId, ifMatch, input) =>
      write((state) =>
        credentials.credentialView(
          state,
          credentials.updateCredential(state, credentialId, ifMatch, input, now()),
          now(),
        ),
      ),
    verifyApiKeyDraft: (providerId, values) =>
      read(() => credentials.verifyApiKeyDraft(providerId, values, now())),
    verifyCredential: (credentialId, values) =>
      write((state) => {
        const { report, stored } = credentials.verifyCredential(state, credentialId, values, now());
        return { report, credential: credentials.credentialView(state, stored, now()) };
      }),
    deleteCredential: (credentialId, ifMatch) =>
      write((state) => credentials.deleteCredential(state, credentialId, ifMatch)),
    setDefaultCredential: (providerId, credentialId) =>
      write((state) => credentials.setDefaultCredential(state, providerId, credentialId)),
    getOAuthClient: (providerId, origin) =>
      read((state) => oauthClients.oauthClientView(state, providerId, origin)),
    saveOAuthClient: (providerId, input, origin) =>
      write((state) => {
        oauthClients.saveOAuthClient(state, providerId, input);
        return oauthClients.oauthClientView(state, providerId, origin);
      }),
    deleteOAuthClient: (providerId, origin) =>
      write((state) => {
        oauthClients.deleteOAuthClient(state, providerId);
        return oauthClients.oauthClientView(state, providerId, origin);
      }),

    async startOAuthFlow(providerId, input, origin) {
      // 256 random bits each; the verifier is 43 base64url characters, the shortest RFC 7636 allows.
      const codeVerifier = randomToken(32);
      const secrets = {
        state: randomToken(32),
        codeVerifier,
        codeChallenge: await s256CodeChallenge(codeVerifier),
      };
      return write((state) => {
        const flow = flows.createFlow(state, providerId, input, secrets, origin, now());
        return {
          flowId: flow.id,
          authorizationUrl: flows.authorizationUrl(flow, origin),
          expiresAt: new Date(flow.expiresAt).toISOString(),
        };
      });
    },

    getOAuthFlow: (flowId) =>
      read((state) => flows.flowView(flows.requireFlow(state, flowId), now())),

    cancelOAuthFlow: (flowId) =>
      write((state) => flows.flowView(flows.cancelFlow(state, flowId, now()), now())),

    async completeOAuthCallback(input) {
      // The PKCE check needs async crypto, so the verifier's challenge is computed first and the
      // state re-read afterwards; completeCallback re-checks everything on that fresh read.
      const verifier = read((state) => flows.findFlowByState(state, input.state)?.codeVerifier);
      const verifierChallenge = verifier === undefined ? null : await s256CodeChallenge(verifier);
      return write((state) =>
        flows.flowView(flows.completeCallback(state, input, verifierChallenge, now()), now()),
      );
    },

    isRegisteredClient: (providerId, clientId) =>
      read((state) => {
        const provider = findProviderFixture(providerId);
        if (!provider?.oauth) return false;
        if (provider.oauth.hasPlatformClient && clientId === platformClientId(provider.id))
          return true;
        return oauthClientOf(state, provider).custom?.clientId === clientId;
      }),
    recordAuthorizationCode: (code) =>
      write((state) => {
        state.authorizationCodes.push(code);
      }),

    reset: (seed = 'empty') => save(seedState(seed, now())),
    ensureSeed: (seed) => {
      if (load().seed !== seed) save(seedState(seed, now()));
    },
  };
}

export { createMemoryStorage, type StorageLike } from './store/memory-storage';
export { MockHttpError } from './store/http-error';
export { seedNames, isSeedName, type SeedName } from './store/seeds';
export type { StoredAuthorizationCode } from './store/state';
export type { IdempotentRequest } from './store/credential-operations';
