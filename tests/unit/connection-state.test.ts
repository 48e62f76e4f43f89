import { resolveConnectionState, type Credential, type Provider } from 'pipeline-connect';
import { describe, expect, it } from 'vitest';
// Internal on purpose: the name fallback every node and panel shows (not a public export).
import { resolveProviderName } from '../../src/data-sources/provider-display-name';
import { en } from '../../src/i18n/en';

const provider: Provider = {
  id: 'notion',
  name: 'Notion',
  description: '',
  icon: '',
  methods: ['api_key'],
  apiKeyFields: [],
  oauth: null,
};

function credential(overrides: Partial<Credential>): Credential {
  return {
    id: 'c1',
    providerId: 'notion',
    name: 'Work',
    method: 'api_key',
    status: 'active',
    account: null,
    values: {},
    isDefault: false,
    version: 1,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    expiresAt: null,
    lastVerifiedAt: null,
    lastRefreshAt: null,
    lastError: null,
    grantedScopes: null,
    refreshable: null,
    ...overrides,
  };
}

const loaded = { provider, providerStatus: 'success', credentialsStatus: 'success' } as const;

describe('resolveConnectionState', () => {
  it('is loading until both the catalog and the credentials are in', () => {
    expect(
      resolveConnectionState({
        ...loaded,
        providerStatus: 'pending',
        credentials: undefined,
        credentialId: null,
      }),
    ).toEqual({ status: 'loading' });
    expect(
      resolveConnectionState({
        ...loaded,
        credentialsStatus: 'pending',
        credentials: undefined,
        credentialId: null,
      }),
    ).toEqual({ status: 'loading' });
  });

  it('reports a provider missing from the catalog', () => {
    expect(
      resolveConnectionState({ ...loaded, provider: null, credentials: [], credentialId: null }),
    ).toEqual({
      status: 'unknown-provider',
    });
  });

  it('follows the default credential when the node names none', () => {
    const work = credential({ id: 'c1', name: 'Work', isDefault: false });
    const home = credential({ id: 'c2', name: 'Home', isDefault: true });
    const state = resolveConnectionState({
      ...loaded,
      credentials: [work, home],
      credentialId: null,
    });
    expect(state).toMatchObject({
      status: 'connected',
      viaDefault: true,
      credential: { name: 'Home' },
    });
  });

  it('is not connected when following a default that does not exist', () => {
    const work = credential({ isDefault: false });
    expect(resolveConnectionState({ ...loaded, credentials: [work], credentialId: null })).toEqual({
      status: 'not-connected',
    });
  });

  it('says the credential is missing when the named one was deleted, without switching to another', () => {
    const other = credential({ id: 'c2', isDefault: true });
    expect(
      resolveConnectionState({ ...loaded, credentials: [other], credentialId: 'gone' }),
    ).toEqual({
      status: 'missing',
    });
  });

  it('surfaces expired and invalid credentials', () => {
    const expired = credential({ status: 'expired' });
    expect(
      resolveConnectionState({ ...loaded, credentials: [expired], credentialId: 'c1' }),
    ).toMatchObject({
      status: 'expired',
    });
    const invalid = credential({ status: 'invalid' });
    expect(
      resolveConnectionState({ ...loaded, credentials: [invalid], credentialId: 'c1' }),
    ).toMatchObject({
      status: 'invalid',
    });
  });
});

describe('resolveConnectionState for an OAuth grant', () => {
  const drive: Provider = {
    ...provider,
    id: 'google-drive',
    methods: ['oauth2'],
    oauth: {
      scopes: ['drive.readonly', 'drive.metadata', 'email'],
      requiredScopes: [
        { scope: 'drive.readonly', purpose: 'Read your files' },
        { scope: 'drive.metadata', purpose: 'See your folders' },
      ],
      hasPlatformClient: true,
      clientMode: 'default',
      clientFields: [],
    },
  };
  const grant = (overrides: Partial<Credential>) =>
    credential({ method: 'oauth2', providerId: 'google-drive', isDefault: true, ...overrides });
  const resolve = (c: Credential) =>
    resolveConnectionState({ ...loaded, provider: drive, credentials: [c], credentialId: null });

  it('is connected when every needed scope was granted', () => {
    expect(
      resolve(grant({ grantedScopes: ['email', 'drive.metadata', 'drive.readonly'] })),
    ).toMatchObject({ status: 'connected' });
  });

  it('is missing-permission with the needs that were not granted, in the catalog’s order', () => {
    expect(resolve(grant({ grantedScopes: ['email'] }))).toMatchObject({
      status: 'missing-permission',
      missing: [
        { scope: 'drive.readonly', purpose: 'Read your files' },
        { scope: 'drive.metadata', purpose: 'See your folders' },
      ],
    });
  });

  it('does not accuse a grant whose scopes are unknown', () => {
    expect(resolve(grant({ grantedScopes: null }))).toMatchObject({ status: 'connected' });
  });

  it('is expiring when the grant will expire and holds no refresh token', () => {
    const expiresAt = '2026-01-01T01:00:00Z';
    const scopes = ['drive.readonly', 'drive.metadata'];
    expect(resolve(grant({ grantedScopes: scopes, refreshable: false, expiresAt }))).toMatchObject({
      status: 'expiring',
    });
    // Renewable, or never expiring: nothing to warn about.
    expect(resolve(grant({ grantedScopes: scopes, refreshable: true, expiresAt }))).toMatchObject({
      status: 'connected',
    });
    expect(resolve(grant({ grantedScopes: scopes, refreshable: false }))).toMatchObject({
      status: 'connected',
    });
  });

  it('puts expired and invalid before a missing permission', () => {
    expect(resolve(grant({ grantedScopes: [], status: 'expired' }))).toMatchObject({
      status: 'expired',
    });
    expect(resolve(grant({ grantedScopes: [], status: 'invalid' }))).toMatchObject({
      status: 'invalid',
    });
  });
});

describe('resolveProviderName', () => {
  const name = (input: Parameters<typeof resolveProviderName>[0]) => resolveProviderName(input, en);

  it('prefers the catalog’s name to the one the node remembers', () => {
    expect(
      name({ provider, status: 'success', providerId: 'notion', knownName: 'Old name' }),
    ).toEqual({ name: 'Notion', placeholder: false });
  });

  it('keeps the remembered name while the catalog loads or cannot be loaded', () => {
    for (const status of ['pending', 'error'] as const) {
      expect(
        name({ provider: undefined, status, providerId: 'notion', knownName: 'Notion' }),
      ).toEqual({ name: 'Notion', placeholder: false });
    }
  });

  it('is a placeholder, never "Unknown provider", when nothing is known and the catalog failed', () => {
    expect(name({ provider: undefined, status: 'error', providerId: 'notion' })).toEqual({
      name: 'Data source',
      placeholder: true,
    });
  });

  it('says "Unknown provider" only when the loaded catalog lacks the provider', () => {
    expect(
      name({ provider: null, status: 'success', providerId: 'retired', knownName: 'Retired' }),
    ).toEqual({ name: 'Unknown provider (retired)', placeholder: false });
  });
});
