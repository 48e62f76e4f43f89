import type {
  CreateApiKeyInput,
  Credential,
  CredentialStatus,
  CredentialValues,
  UpdateCredentialInput,
  VerificationReport,
} from '../../src/credentials/backend';
import { checkFieldValues, maskValues } from '../../src/rules/field-values';
import { IDEMPOTENCY_KEY_TTL_MS } from '../../src/rules/idempotency';
import { checkName, nameKey, numberedName } from '../../src/rules/names';
import { findProviderFixture, providerBehaviours, type ProviderFixture } from '../fixtures';
import { badRequest, conflict, MockHttpError, notFound, validationFailed } from './http-error';
import { verificationReport, verifyApiKey } from './key-verification';
import { requireProvider } from './provider-catalog';
import type { StoreState, StoredCredential } from './state';

/**
 * The mock is a development backend: URL fields may also name this machine (`http://localhost`,
 * `127.0.0.1`, `[::1]`), for a self-hosted service next to the demo. A production backend
 * refuses every loopback host (see `checkUrlField`).
 */
const DEVELOPMENT_BACKEND = true;

/** A stored credential as the API shows it: secrets masked, status and default computed. */
export function credentialView(
  state: StoreState,
  stored: StoredCredential,
  now: number,
): Credential {
  const fields = findProviderFixture(stored.providerId)?.apiKeyFields ?? [];
  return {
    id: stored.id,
    providerId: stored.providerId,
    name: stored.name,
    method: stored.method,
    status: statusOf(stored, now),
    account: stored.account,
    values: maskValues(fields, stored.values),
    isDefault: state.defaults[stored.providerId] === stored.id,
    version: stored.version,
    createdAt: new Date(stored.createdAt).toISOString(),
    updatedAt: new Date(stored.updatedAt).toISOString(),
    expiresAt: stored.expiresAt === null ? null : new Date(stored.expiresAt).toISOString(),
    lastVerifiedAt: isoOrNull(stored.lastVerifiedAt),
    // The mock never refreshes tokens on its own: no refresh, and so no refresh that failed.
    lastRefreshAt: null,
    lastError: null,
    grantedScopes: stored.method === 'oauth2' ? (stored.grantedScopes ?? null) : null,
    refreshable: stored.method === 'oauth2' ? Boolean(stored.tokens?.refreshToken) : null,
  };
}

function isoOrNull(time: number | null | undefined): string | null {
  return time === null || time === undefined ? null : new Date(time).toISOString();
}

function statusOf(stored: StoredCredential, now: number): CredentialStatus {
  if (stored.health === 'invalid') return 'invalid';
  return stored.expiresAt !== null && stored.expiresAt <= now ? 'expired' : 'active';
}

/** All credentials, or one provider's, oldest first. */
export function listCredentials(
  state: StoreState,
  providerId: string | undefined,
  now: number,
): Credential[] {
  if (providerId !== undefined) requireProvider(providerId);
  return state.credentials
    .filter((stored) => providerId === undefined || stored.providerId === providerId)
    .map((stored) => credentialView(state, stored, now));
}

/** The credential, or a 404. */
export function requireCredential(state: StoreState, credentialId: string): StoredCredential {
  const stored = state.credentials.find((candidate) => candidate.id === credentialId);
  if (!stored) throw notFound('This credential does not exist (it may have been deleted).');
  return stored;
}

/** Adds a credential and makes it the provider's default when it is the provider's first. */
export function insertCredential(state: StoreState, stored: StoredCredential): void {
  state.credentials.push(stored);
  state.defaults[stored.providerId] ??= stored.id;
}

/** Names already used by the provider's credentials, `exceptId` left out. */
export function takenNames(state: StoreState, providerId: string, exceptId?: string): string[] {
  return state.credentials
    .filter((stored) => stored.providerId === providerId && stored.id !== exceptId)
    .map((stored) => stored.name);
}

/** The `Idempotency-Key` of a create and the hash of its body (see `idempotencyFingerprint`). */
export interface IdempotentRequest {
  key: string;
  bodyHash: string;
}

/**
 * The answer an earlier create with this provider's `Idempotency-Key` gave, when the same body
 * is sent again; a 422 `idempotency_key_reused` when another body is; null for a new key.
 */
export function replayIdempotentCreate(
  state: StoreState,
  providerId: string,
  request: IdempotentRequest,
  now: number,
): Credential | null {
  const earlier = state.idempotentCreates.find(
    (entry) =>
      entry.providerId === providerId && entry.key === request.key && entry.expiresAt > now,
  );
  if (!earlier) return null;
  if (earlier.bodyHash !== request.bodyHash) {
    throw new MockHttpError(422, {
      code: 'idempotency_key_reused',
      message: 'This Idempotency-Key was already used for a different request.',
      retryable: false,
    });
  }
  return earlier.response;
}

/** Remembers a successful create's answer under its key for 24 hours. */
export function rememberIdempotentCreate(
  state: StoreState,
  providerId: string,
  request: IdempotentRequest,
  response: Credential,
  now: number,
): void {
  state.idempotentCreates.push({
    providerId,
    key: request.key,
    bodyHash: request.bodyHash,
    response,
    expiresAt: now + IDEMPOTENCY_KEY_TTL_MS,
  });
}

/**
 * Stores a new API-key credential after the field and name checks and the key's verification
 * (see `verifyApiKey`); the provider's first credential becomes its default.
 */
export function createApiKeyCredential(
  state: StoreState,
  providerId: string,
  input: CreateApiKeyInput,
  now: number,
): StoredCredential {
  const provider = requireApiKeyProvider(providerId);
  const checked = checkApiKeyValues(provider, input.values);
  const { name, problem } = checkName(input.name ?? '');
  const fieldErrors = checked.ok ? {} : { ...checked.fieldErrors };
  if (problem) fieldErrors.name = problem.message;
  if (!checked.ok || problem) throw validationFailed(fieldErrors);

  const taken = takenNames(state, provider.id);
  if (name !== '') assertNameFree(provider, name, taken);
  // As the server asks the provider before storing anything: a refused key or an unreachable
  // provider stores nothing.
  const verdict = verifyApiKey(provider, checked.values);
  const stored: StoredCredential = {
    id: crypto.randomUUID(),
    providerId: provider.id,
    name: name === '' ? numberedName(`${provider.name} API key`, taken) : name,
    method: 'api_key',
    values: checked.values,
    account: null,
    tokens: null,
    health: 'active',
    version: 1,
    createdAt: now,
    updatedAt: now,
    expiresAt: null,
    lastVerifiedAt: verdict === 'accepted' ? now : null,
  };
  insertCredential(state, stored);
  return stored;
}

/** The provider, which must take API keys (else a 400 `method_not_supported`). */
function requireApiKeyProvider(providerId: string): ProviderFixture {
  const provider = requireProvider(providerId);
  if (!provider.methods.includes('api_key')) {
    throw badRequest(`${provider.name} does not accept API keys.`, 'method_not_supported');
  }
  return provider;
}

/** The field checks of an API key's values (on `previous`, for an edit's draft). */
function checkApiKeyValues(
  provider: ProviderFixture,
  values: CredentialValues,
  previous?: CredentialValues,
) {
  return checkFieldValues(provider.apiKeyFields, values, {
    ...(previous === undefined ? {} : { previous }),
    urlFields: providerBehaviours[provider.id]?.urlFields,
    development: DEVELOPMENT_BACKEND,
  });
}

/** **Test** in Add API Key: the provider's verdict on a draft; nothing is stored. */
export function verifyApiKeyDraft(
  providerId: string,
  values: CredentialValues,
  now: number,
): VerificationReport {
  const provider = requireApiKeyProvider(providerId);
  const checked = checkApiKeyValues(provider, values);
  if (!checked.ok) throw validationFailed({ ...checked.fieldErrors });
  return verificationReport(provider, checked.values, now);
}

/**
 * **Test connection**, and **Test** in the Edit dialog (`draft`: masks and omissions are the
 * stored values). The verdict is recorded when what was tested is what is stored: accepted sets
 * `lastVerifiedAt` and makes the credential active again, refused marks it invalid, and a
 * provider that could not say changes nothing. Never a new version: nobody changed the credential.
 */
export function verifyCredential(
  state: StoreState,
  credentialId: string,
  draft: CredentialValues | undefined,
  now: number,
): { report: VerificationReport; stored: StoredCredential } {
  const stored = requireCredential(state, credentialId);
  const provider = requireProvider(stored.providerId);
  if (stored.method !== 'api_key') {
    throw badRequest(
      `${provider.name} credentials connected with OAuth cannot be tested with a key.`,
      'method_not_supported',
    );
  }
  let values = stored.values;
  if (draft !== undefined) {
    const checked = checkApiKeyValues(provider, draft, stored.values);
    if (!checked.ok) throw validationFailed({ ...checked.fieldErrors });
    values = checked.values;
  }
  const report = verificationReport(provider, values, now);
  if (sameValues(values, stored.values)) {
    if (report.outcome === 'accepted') {
      stored.lastVerifiedAt = now;
      stored.health = 'active';
    } else if (report.outcome === 'refused') {
      stored.health = 'invalid';
    }
  }
  return { report, stored };
}

function sameValues(a: CredentialValues, b: CredentialValues): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Applies a rename and/or value edit made from `If-Match` version. Nothing changes (and the
 * version stays) when the edit sets what is already stored. An edit that changes a secret has
 * the new key verified as on create (see `verifyApiKey`); a refusal leaves the credential as it was.
 */
export function updateCredential(
  state: StoreState,
  credentialId: string,
  ifMatch: string | null,
  input: UpdateCredentialInput,
  now: number,
): StoredCredential {
  const stored = requireCredential(state, credentialId);
  assertVersion(stored, parseIfMatch(ifMatch));
  const provider = requireProvider(stored.providerId);
  // An OAuth credential has no fields of its own: only its name can be edited.
  const fields = stored.method === 'api_key' ? provider.apiKeyFields : [];
  const checked = checkFieldValues(fields, input.values ?? {}, {
    previous: stored.values,
    urlFields: providerBehaviours[provider.id]?.urlFields,
    development: DEVELOPMENT_BACKEND,
  });
  const { name, problem } =
    input.name === undefined
      ? { name: stored.name, problem: null }
      : checkName(input.name, { required: true });
  const fieldErrors = checked.ok ? {} : { ...checked.fieldErrors };
  if (problem) fieldErrors.name = problem.message;
  if (!checked.ok || problem) throw validationFailed(fieldErrors);
  assertNameFree(provider, name, takenNames(state, provider.id, stored.id));

  const changed = name !== stored.name || !sameValues(checked.values, stored.values);
  // A changed secret is verified as on create; a rename, or an edit of other values, is not.
  const secretChanged = fields.some(
    (field) => field.type === 'secret' && checked.values[field.name] !== stored.values[field.name],
  );
  if (secretChanged) {
    // A new key is judged as on create: whatever was said of the old one no longer holds.
    const verdict = verifyApiKey(provider, checked.values);
    stored.lastVerifiedAt = verdict === 'accepted' ? now : null;
    stored.health = 'active';
  }
  if (changed) {
    stored.name = name;
    stored.values = checked.values;
    stored.version += 1;
    stored.updatedAt = now;
  }
  return stored;
}

/**
 * Deletes a credential. When it was the provider's default, the oldest remaining credential of
 * the provider becomes the default, so nodes that follow the default keep a working credential
 * whenever the provider still has one (the same rule that makes the first credential default).
 */
export function deleteCredential(
  state: StoreState,
  credentialId: string,
  ifMatch: string | null,
): void {
  const stored = requireCredential(state, credentialId);
  assertVersion(stored, parseIfMatch(ifMatch));
  state.credentials = state.credentials.filter((candidate) => candidate !== stored);
  if (state.defaults[stored.providerId] !== stored.id) return;
  const successor = state.credentials
    .filter((candidate) => candidate.providerId === stored.providerId)
    .sort((a, b) => a.createdAt - b.createdAt)[0];
  if (successor) state.defaults[stored.providerId] = successor.id;
  else delete state.defaults[stored.providerId];
}

export function setDefaultCredential(
  state: StoreState,
  providerId: string,
  credentialId: string,
): void {
  const provider = requireProvider(providerId);
  const stored = requireCredential(state, credentialId);
  if (stored.providerId !== provider.id) {
    throw validationFailed({
      credentialId: `This credential belongs to another provider, not ${provider.name}.`,
    });
  }
  state.defaults[provider.id] = stored.id;
}

/** Names are unique per provider ignoring case and Unicode normalisation (see `nameKey`). */
function assertNameFree(provider: ProviderFixture, name: string, taken: readonly string[]): void {
  const key = nameKey(name);
  if (taken.some((other) => nameKey(other) === key)) {
    throw conflict(
      'duplicate_name',
      `A ${provider.name} credential named "${name}" already exists.`,
      {
        name: 'This name is already used.',
      },
    );
  }
}

/** A change based on an older version than the stored one is refused, so it never overwrites a newer edit. */
function assertVersion(stored: StoredCredential, basedOn: number): void {
  if (basedOn !== stored.version) {
    throw new MockHttpError(412, {
      code: 'version_conflict',
      message: 'This credential was changed elsewhere. Reload it and try again.',
      retryable: false,
    });
  }
}

/** The version an edit was based on: `If-Match: "3"` (an entity tag) or a bare `3`. */
function parseIfMatch(header: string | null): number {
  if (header === null || header.trim() === '') {
    throw new MockHttpError(428, {
      code: 'precondition_required',
      message: 'Send the credential version in If-Match.',
      retryable: false,
    });
  }
  const match = /^(?:W\/)?"?(\d+)"?$/.exec(header.trim());
  if (!match?.[1]) throw badRequest('If-Match must be the credential version, e.g. "3".');
  return Number(match[1]);
}
