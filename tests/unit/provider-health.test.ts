import type { Credential, Provider } from 'pipeline-connect';
import { describe, expect, it } from 'vitest';
// Internal on purpose: the Settings cards' health rules, which this file tests.
import { matchesProvider, providerHealth } from '../../src/settings/provider-health';

const provider = (id: string, name: string): Provider => ({
  id,
  name,
  description: '',
  icon: '',
  methods: ['api_key'],
  apiKeyFields: [],
  oauth: null,
});

const credential = (providerId: string, status: Credential['status']): Credential => ({
  id: `${providerId}-${status}`,
  providerId,
  name: status,
  method: 'api_key',
  status,
  account: null,
  values: {},
  isDefault: false,
  version: 1,
  createdAt: '',
  updatedAt: '',
  expiresAt: null,
  lastVerifiedAt: null,
  lastRefreshAt: null,
  lastError: null,
  grantedScopes: null,
  refreshable: null,
});

describe('provider health and the Settings filter', () => {
  const notion = provider('notion', 'Notion');
  const drive = provider('google-drive', 'Google Drive');
  const all = [credential('notion', 'active'), credential('google-drive', 'expired')];

  it('flags expired and invalid credentials as needing attention', () => {
    expect(providerHealth(drive, all)).toMatchObject({
      connected: false,
      attention: [{ status: 'expired' }],
    });
    expect(providerHealth(notion, all)).toMatchObject({ connected: true, attention: [] });
  });

  it('searches names case- and accent-insensitively, and ids', () => {
    const health = providerHealth(drive, all);
    expect(matchesProvider(drive, health, 'DRIVE', 'all')).toBe(true);
    expect(matchesProvider(drive, health, '  drívé ', 'all')).toBe(true);
    expect(matchesProvider(drive, health, 'google-drive', 'all')).toBe(true);
    expect(matchesProvider(drive, health, 'notion', 'all')).toBe(false);
  });

  it('filters by state', () => {
    const driveHealth = providerHealth(drive, all);
    const notionHealth = providerHealth(notion, all);
    const dropbox = provider('dropbox', 'Dropbox');
    const dropboxHealth = providerHealth(dropbox, all);
    expect(matchesProvider(notion, notionHealth, '', 'connected')).toBe(true);
    expect(matchesProvider(drive, driveHealth, '', 'connected')).toBe(false);
    expect(matchesProvider(drive, driveHealth, '', 'needs-attention')).toBe(true);
    expect(matchesProvider(dropbox, dropboxHealth, '', 'not-connected')).toBe(true);
    expect(matchesProvider(notion, notionHealth, '', 'not-connected')).toBe(false);
  });
});
