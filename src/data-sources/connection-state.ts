import type { Credential, Provider } from '../credentials/backend';

/** What a data-source node shows about its connection; `data-status` carries `status`. */
export type ConnectionState =
  | { status: 'loading' }
  | { status: 'error' }
  | { status: 'unknown-provider' }
  | { status: 'not-connected' }
  | { status: 'connected'; credential: Credential; viaDefault: boolean }
  | { status: 'expired'; credential: Credential; viaDefault: boolean }
  | { status: 'invalid'; credential: Credential; viaDefault: boolean }
  | { status: 'missing' };

/**
 * Resolves a node's connection from the catalog and its provider's credentials. A node pointing
 * at a deleted credential is `missing` (it does not silently switch to another credential); a
 * node following the default uses whichever credential is the default now.
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
  return { status: 'connected', credential, viaDefault };
}
