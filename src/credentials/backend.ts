/**
 * The credentials port: the one boundary between Pipeline Connect's UI and whatever stores
 * credentials. Every UI part reaches data through a `CredentialsBackend` (via the query layer),
 * so a host can plug in its own implementation. The shapes below mirror the REST contract in
 * `contract/openapi.yaml`; the HTTP adapter assigns the generated contract types to them, so a
 * drift between the two fails type-checking.
 */

// The mask is a rule every side applies (dialogs, mock, server): defined with the rules.
export { SECRET_MASK } from '../rules/secrets';

/** How a field is entered: `secret` fields are write-only. */
export type FieldType = 'secret' | 'text' | 'select' | 'boolean';

/** One option of a `select` field. */
export interface FieldOption {
  value: string;
  label: string;
}

/** A provider-defined input, rendered by the dialogs from this schema alone. */
export interface FieldSchema {
  /** Key in the credential's `values`. */
  name: string;
  type: FieldType;
  label: string;
  required: boolean;
  placeholder?: string;
  help?: string;
  helpUrl?: string;
  default?: string | boolean;
  options?: FieldOption[];
}

/** How a credential is obtained. */
export type AuthMethod = 'api_key' | 'oauth2';

/** What the catalog says about a provider's OAuth support. */
export interface ProviderOAuth {
  /** Scopes the provider's consent page asks for. */
  scopes: string[];
  /**
   * The scopes a data-source node needs for what it reads, each with what it allows (each is
   * one of `scopes`); the panel ticks them off against a credential's `grantedScopes`.
   */
  requiredScopes: RequiredScope[];
  /** Whether the platform offers its own client (the **Default** choice). */
  hasPlatformClient: boolean;
  /** The client that OAuth would use now; `none` means a custom client must be set up first. */
  clientMode: 'default' | 'custom' | 'none';
  /** Extra fields a custom client needs beyond Client ID and Client Secret (e.g. a tenant). */
  clientFields: FieldSchema[];
  /**
   * Where a custom OAuth app is registered: the provider's developer console (an https URL).
   * OAuth Client Settings links to it when it is given.
   */
  developerConsoleUrl?: string;
}

/** A scope a data-source node needs, and what it lets the node do ("Read your files"). */
export interface RequiredScope {
  scope: string;
  purpose: string;
}

/** A data source the backend can connect. The catalog comes from the backend, never constants. */
export interface Provider {
  id: string;
  name: string;
  description: string;
  /** An image URL (often a data: URI) for the provider's icon. */
  icon: string;
  methods: AuthMethod[];
  /** The fields of an API key credential (empty when the provider has no API key method). */
  apiKeyFields: FieldSchema[];
  oauth: ProviderOAuth | null;
  /**
   * Optional translations by locale (e.g. `zh-Hans`); the UI applies the one matching its
   * locale and keeps the plain words otherwise.
   */
  localized?: Record<string, ProviderLocalization>;
}

/** A provider's words in one locale. */
export interface ProviderLocalization {
  name?: string;
  description?: string;
  /** Field name → its translated words (API key and OAuth client fields alike). */
  fields?: Record<string, { label?: string; placeholder?: string; help?: string }>;
  /** Scope → its `RequiredScope.purpose` in this locale. */
  scopePurposes?: Record<string, string>;
}

/** Health of a stored credential. */
export type CredentialStatus = 'active' | 'expired' | 'invalid';

/**
 * Field values of a credential; every non-empty secret comes back as {@link SECRET_MASK} (an empty
 * optional secret, such as Jina Reader without a key, comes back empty).
 */
export type CredentialValues = Record<string, string | boolean>;

/** A stored authorization for a provider. Never carries a secret. */
export interface Credential {
  id: string;
  providerId: string;
  name: string;
  method: AuthMethod;
  status: CredentialStatus;
  /** The connected account (OAuth), when known. */
  account: string | null;
  values: CredentialValues;
  /** Whether nodes that follow the provider's default use this credential. */
  isDefault: boolean;
  /** Increases on every change; an update names the version it was based on. */
  version: number;
  createdAt: string;
  updatedAt: string;
  /** When the access token expires (OAuth), if it does. */
  expiresAt: string | null;
  /**
   * When the provider last accepted the stored key (API keys: on create, on an edit that changed
   * a secret, on a test of what is stored); null when it never has.
   */
  lastVerifiedAt: string | null;
  /** When the backend last refreshed the access token (OAuth); null when never. */
  lastRefreshAt: string | null;
  /** The last problem with the provider (a failed refresh), until it works again. */
  lastError: CredentialProblem | null;
  /**
   * The scopes the provider granted (OAuth); a user may grant fewer than were asked for. Null
   * for API keys and for grants stored before the backend recorded it.
   */
  grantedScopes: string[] | null;
  /**
   * Whether the backend can renew the access token on its own (OAuth: it holds a refresh
   * token); false means re-authorizing once `expiresAt` passes. Null for API keys, and for a
   * grant stored before the backend recorded it.
   */
  refreshable: boolean | null;
}

/** A problem with the provider a credential has, e.g. a refresh it refused. Never a secret. */
export interface CredentialProblem {
  /** The provider's or the backend's code, e.g. `invalid_grant`. */
  code: string;
  /** One sentence, capped. */
  message: string;
  /** When it happened, when known. */
  at: string | null;
}

/** Input for a new API key credential. An empty name lets the backend choose one. */
export interface CreateApiKeyInput {
  name?: string;
  values: CredentialValues;
}

/**
 * A provider's verdict on API key values: `accepted`; `refused` (wrong, revoked or without
 * access); `unreachable` (no answer, or not one it could read); `rate_limited`; `not_verifiable`
 * (the backend cannot check this provider's keys).
 */
export type VerificationOutcome =
  'accepted' | 'refused' | 'unreachable' | 'rate_limited' | 'not_verifiable';

/** What a test of API key values found. Never carries a secret. */
export interface VerificationReport {
  outcome: VerificationOutcome;
  /** One English sentence from the backend: what happened and what to do. */
  message: string;
  /** For `refused`, the message on the field the provider refused. */
  fieldErrors: Record<string, string>;
  /** For `rate_limited`, the provider's Retry-After when it sent one. */
  retryAfterSeconds: number | null;
  checkedAt: string;
}

/** A test of a stored credential: the verdict, and the credential as it now is. */
export interface CredentialVerification {
  report: VerificationReport;
  credential: Credential;
}

/** Input for an update: only what changes. A secret equal to {@link SECRET_MASK} is unchanged. */
export interface UpdateCredentialInput {
  name?: string;
  values?: CredentialValues;
}

/** A provider's OAuth client settings as the backend reports them (secret masked). */
export interface OAuthClientSettings {
  providerId: string;
  mode: 'default' | 'custom';
  hasPlatformClient: boolean;
  /** The saved custom client, if any (it may be saved while `mode` is `default`). */
  custom: {
    clientId: string;
    clientSecret: string;
    extra: Record<string, string>;
  } | null;
  /** Where the provider must redirect after consent; shown read-only to copy into the provider. */
  redirectUri: string;
}

/** Input for saving the OAuth client settings. */
export interface SaveOAuthClientInput {
  mode: 'default' | 'custom';
  clientId?: string;
  /** Leave as {@link SECRET_MASK} to keep the saved secret. */
  clientSecret?: string;
  extra?: Record<string, string>;
}

/** A started OAuth flow. */
export interface OAuthFlowStart {
  flowId: string;
  authorizationUrl: string;
  expiresAt: string;
}

/** Where an OAuth flow stands; only the backend decides that a flow succeeded. */
export type OAuthFlowState = 'pending' | 'succeeded' | 'failed' | 'expired';

/** An OAuth flow as the backend reports it: its state, and the credential once it succeeded. */
export interface OAuthFlowStatus {
  flowId: string;
  providerId: string;
  status: OAuthFlowState;
  credentialId: string | null;
  /** What the flow did, once it succeeded; `null` before and when it failed. */
  outcome: OAuthCredentialOutcome | null;
  error: { code: string; message: string } | null;
}

/**
 * What a succeeded flow did: added a credential, re-authorized the one it was started for, or
 * reconnected the credential already connected to the same account (no duplicate is added).
 */
export type OAuthCredentialOutcome = 'created' | 'reauthorized' | 'reconnected';

/** What the provider's redirect carried to the completion page. */
export interface OAuthCallbackInput {
  state: string;
  code?: string;
  error?: string;
  /** The issuer the provider named in its redirect (RFC 9207), when it sent one. */
  iss?: string;
}

/** Options every call accepts. */
export interface CallOptions {
  signal?: AbortSignal;
}

/** Options of a create. */
export interface CreateOptions {
  /**
   * A unique key for this create (e.g. `crypto.randomUUID()`), kept across retries of the same
   * user action: the backend returns the first result for a repeat instead of making a second
   * credential (a double click, a retry after a lost response).
   */
  idempotencyKey?: string;
}

/**
 * The port. Implementations reject with a `CredentialsError` (see `credentials-error.ts`) so the
 * UI can show a state for every failure.
 */
export interface CredentialsBackend {
  listProviders(options?: CallOptions): Promise<Provider[]>;
  /** All credentials (or one provider's) in one request, secrets masked. */
  listCredentials(filter?: { providerId?: string }, options?: CallOptions): Promise<Credential[]>;
  createApiKeyCredential(
    providerId: string,
    input: CreateApiKeyInput,
    options?: CreateOptions,
  ): Promise<Credential>;
  /** `version` is the credential version the edit was based on (412 when stale). */
  updateCredential(
    credentialId: string,
    version: number,
    input: UpdateCredentialInput,
  ): Promise<Credential>;
  /** Tests API key values with the provider (**Test** in Add API Key); stores nothing. */
  verifyApiKeyDraft(
    providerId: string,
    input: { values: CredentialValues },
  ): Promise<VerificationReport>;
  /**
   * Tests a stored API key credential (**Test connection**) and records the verdict; with
   * `values` (the Edit dialog's draft, masks and omissions meaning the stored values) tests the
   * draft and records nothing unless it equals what is stored.
   */
  verifyCredential(
    credentialId: string,
    input?: { values?: CredentialValues },
  ): Promise<CredentialVerification>;
  /** `version` is the credential version the user saw (412 when it changed meanwhile). */
  deleteCredential(credentialId: string, version: number): Promise<void>;
  setDefaultCredential(providerId: string, credentialId: string): Promise<void>;
  getOAuthClient(providerId: string, options?: CallOptions): Promise<OAuthClientSettings>;
  saveOAuthClient(providerId: string, input: SaveOAuthClientInput): Promise<OAuthClientSettings>;
  deleteOAuthClient(providerId: string): Promise<OAuthClientSettings>;
  /** Starts a flow; with `credentialId` it re-authorizes that credential. */
  startOAuth(providerId: string, input?: { credentialId?: string }): Promise<OAuthFlowStart>;
  getOAuthFlow(flowId: string, options?: CallOptions): Promise<OAuthFlowStatus>;
  /**
   * Cancels a pending flow so that a consent given later stores nothing. Idempotent; resolves to
   * the flow's status afterwards (`succeeded` when it won the race against the cancel).
   */
  cancelOAuthFlow(flowId: string): Promise<OAuthFlowStatus>;
  /** Hands the provider's redirect parameters to the backend, which exchanges the code. */
  completeOAuthCallback(input: OAuthCallbackInput): Promise<OAuthFlowStatus>;
}
