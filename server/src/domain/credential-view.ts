import {
  SECRET_MASK,
  type Credential,
  type CredentialProblem,
  type CredentialStatus,
  type CredentialValues,
} from '../../../src/credentials/backend';
import { capProviderText } from '../../../src/rules/provider-text';
import type { credentials } from '../storage/schema';
import { scopeList } from './oauth-client-protocol';
import { NO_REFRESH_TOKEN, needsReauthorization } from './refresh-policy';

export type CredentialRow = typeof credentials.$inferSelect;

/**
 * A stored credential as the API shows it: every non-empty secret replaced by the mask (an empty
 * optional secret stays empty, so the edit form does not think a key exists), tokens never.
 */
export function credentialView(row: CredentialRow, isDefault: boolean, now: Date): Credential {
  const values: CredentialValues = { ...row.values };
  for (const [name, sealed] of Object.entries(row.secretsSealed)) {
    values[name] = sealed === '' ? '' : SECRET_MASK;
  }
  return {
    id: row.id,
    providerId: row.providerId,
    name: row.name,
    method: row.method,
    status: statusOf(row, now),
    account: row.account,
    values,
    isDefault,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    expiresAt: row.tokenExpiresAt?.toISOString() ?? null,
    // The column also holds when an OAuth grant was last issued (refresh-policy.ts counts a
    // token's lifetime from it); the contract's field is about API keys only.
    lastVerifiedAt: row.method === 'api_key' ? (row.lastVerifiedAt?.toISOString() ?? null) : null,
    lastRefreshAt: row.method === 'oauth2' ? (row.lastRefreshAt?.toISOString() ?? null) : null,
    lastError: problemOf(row),
    // Plain columns (never the sealed tokens); null in grants stored before they were recorded.
    grantedScopes:
      row.method === 'oauth2' && row.grantedScopes !== null ? scopeList(row.grantedScopes) : null,
    refreshable: row.method === 'oauth2' ? row.refreshable : null,
  };
}

/** The contract's limits on a `CredentialProblem` (code and message, in characters). */
const PROBLEM_CODE_MAX = 100;
const PROBLEM_MESSAGE_MAX = 500;

/**
 * The last refresh problem the row remembers (refresh-service.ts writes it, a successful refresh
 * or a re-authorization clears it), or null. The stored texts are capped when written; capped
 * again here so that no older or hand-edited row can break the contract's limits.
 */
function problemOf(row: CredentialRow): CredentialProblem | null {
  if (row.lastErrorCode === null) return null;
  const message =
    row.lastErrorMessage ??
    (row.lastErrorCode === NO_REFRESH_TOKEN
      ? 'The provider issued no refresh token: the account must be connected again when the token expires.'
      : 'The last attempt to refresh the token failed.');
  return {
    code: capProviderText(row.lastErrorCode, PROBLEM_CODE_MAX),
    message: capProviderText(message, PROBLEM_MESSAGE_MAX),
    at: row.refreshFailedAt?.toISOString() ?? null,
  };
}

function statusOf(row: CredentialRow, now: Date): CredentialStatus {
  if (row.health === 'invalid') return 'invalid';
  // A grant the provider refused (or a client the tenant replaced) is expired however long its
  // last access token has left: it cannot be refreshed, and re-authorizing is the way back.
  if (needsReauthorization(row)) return 'expired';
  if (row.tokenExpiresAt !== null && row.tokenExpiresAt.getTime() <= now.getTime())
    return 'expired';
  return 'active';
}
