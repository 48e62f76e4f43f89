import type { Credential, Provider, RequiredScope } from '../credentials/backend';

/** What a data-source node shows about its connection; `data-status` carries `status`. */
export type ConnectionState =
  | { status: 'loading' }
  | { status: 'error' }
  | { status: 'unknown-provider' }
  | { status: 'not-connected' }
  | { status: 'connected'; credential: Credential; viaDefault: boolean }
  /** Connected, but the grant lacks scopes the node needs for what it reads. */
  | {
      status: 'missing-permission';
      credential: Credential;
      viaDefault: boolean;
      missing: RequiredScope[];
    }
  /** Connected until `expiresAt`, and nothing will renew it (no refresh token). */
  | { status: 'expiring'; credential: Credential; viaDefault: boolean }
  | { status: 'expired'; credential: Credential; viaDefault: boolean }
  | { status: 'invalid'; credential: Credential; viaDefault: boolean }
  | { status: 'missing' };

/** The statuses in which the node uses a credential (the panel shows and manages it). */
export const credentialStatuses: ReadonlySet<ConnectionState['status']> = new Set([
  'connected',
  'missing-permission',
  'expiring',
  'expired',
  'invalid',
  'missing',
]);

/**
 * The scopes the node needs that the credential's grant lacks; none for an API key or a grant
 * whose scopes the backend does not know (it cannot tell, so it does not accuse).
 */
export function missingScopes(
  provider: Provider | null | undefined,
  credential: Credential,
): RequiredScope[] {
  const granted = credential.grantedScopes;
  if (credential.method !== 'oauth2' || granted === null || !provider?.oauth) return [];
  return provider.oauth.requiredScopes.filter((needed) => !granted.includes(needed.scope));
}

/**
 * Resolves a node's connection from the catalog and its provider's credentials. A node pointing
 * at a deleted credential is `missing` (it does not silently switch to another credential); a
 * node following the default uses whichever credential is the default now. A working grant
 * that lacks a needed scope is `missing-permission`; one that will lapse at its expiry,
 * `expiring` (the backend turns it `expired` once it has).
 */
export function resolveConnectionState(input: {
  provider: Provider | null | undefined;
  providerStatus: 'pending' | 'error' | 'success';
  credentials: Credential[] | undefined;
  credentialsStatus: 'pending' | 'error' | 'success';
  credentialId: string | null;
}): ConnectionState {
  if (input.providerStatus === 'pending') return { status: 'loading' };
  if (input.providerStatus === 'error') return { status: 'error' };
  if (!input.provider) return { status: 'unknown-provider' };
  if (input.credentialsStatus === 'pending') return { status: 'loading' };
  if (input.credentialsStatus === 'error' || !input.credentials) return { status: 'error' };

  const viaDefault = input.credentialId === null;
  const credential = viaDefault
    ? input.credentials.find((c) => c.isDefault)
    : input.credentials.find((c) => c.id === input.credentialId);
  if (!credential) return viaDefault ? { status: 'not-connected' } : { status: 'missing' };
  if (credential.status === 'expired') return { status: 'expired', credential, viaDefault };
  if (credential.status === 'invalid') return { status: 'invalid', credential, viaDefault };
  const missing = missingScopes(input.provider, credential);
  if (missing.length > 0) return { status: 'missing-permission', credential, viaDefault, missing };
  if (credential.refreshable === false && credential.expiresAt !== null) {
    return { status: 'expiring', credential, viaDefault };
  }
  return { status: 'connected', credential, viaDefault };
}
