import { findProviderFixture } from '../fixtures';
import { emptyState, type StoreState, type StoredCredential } from './state';

/** The named datasets a store can start from. */
export const seedNames = ['empty', 'mixed'] as const;

/** One of {@link seedNames}. */
export type SeedName = (typeof seedNames)[number];

/** Whether `value` names a dataset. */
export function isSeedName(value: string): value is SeedName {
  return (seedNames as readonly string[]).includes(value);
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * The state a dataset starts from. `empty`: no credentials, no custom clients. `mixed`: a bit
 * of everything the UI must show: API keys (one Jina Reader key left empty, a self-hosted
 * Firecrawl), a Notion OAuth grant, an expired Google Drive grant, a revoked (invalid) Dropbox
 * grant with its custom client saved, and OneDrive still unconfigured. Ids are fixed so stories
 * and tests can point at them. The API keys are in the providers' real formats
 * (`src/rules/provider-key-formats.ts`), as every key the mock accepts is.
 */
export function seedState(name: SeedName, now: number): StoreState {
  if (name === 'empty') return emptyState(name);

  const credential = (
    fields: Pick<StoredCredential, 'id' | 'providerId' | 'name' | 'method' | 'values'> &
      Partial<StoredCredential>,
    ageDays: number,
  ): StoredCredential => ({
    account: null,
    tokens: null,
    health: 'active',
    version: 1,
    createdAt: now - ageDays * DAY,
    updatedAt: now - ageDays * DAY,
    expiresAt: null,
    ...fields,
  });
  // Seeded grants hold everything their provider asks for.
  const tokens = (label: string) => ({
    accessToken: `seed-access-${label}`,
    refreshToken: `seed-refresh-${label}`,
  });
  const scopesOf = (providerId: string) => [
    ...(findProviderFixture(providerId)?.oauth?.scopes ?? []),
  ];

  return {
    ...emptyState(name),
    credentials: [
      credential(
        {
          id: 'cred-notion-key',
          providerId: 'notion',
          name: 'Team wiki',
          method: 'api_key',
          values: { integration_secret: 'ntn_seeded0000000000000000000000000000000000000001' },
        },
        30,
      ),
      credential(
        {
          id: 'cred-notion-oauth',
          providerId: 'notion',
          name: "Ada's Workspace",
          method: 'oauth2',
          values: {},
          account: "Ada's Workspace",
          tokens: tokens('notion'),
          grantedScopes: scopesOf('notion'),
        },
        20,
      ),
      credential(
        {
          id: 'cred-firecrawl-production',
          providerId: 'firecrawl',
          name: 'Firecrawl production',
          method: 'api_key',
          values: { firecrawl_api_key: 'fc-5eeded00000000000000000000000001', base_url: '' },
        },
        14,
      ),
      credential(
        {
          id: 'cred-firecrawl-self-hosted',
          providerId: 'firecrawl',
          name: 'Self-hosted crawler',
          method: 'api_key',
          values: {
            firecrawl_api_key: 'fc-5eeded00000000000000000000000002',
            base_url: 'https://firecrawl.internal.example',
          },
        },
        7,
      ),
      credential(
        {
          id: 'cred-jina-no-key',
          providerId: 'jina-reader',
          name: 'Jina Reader (no key)',
          method: 'api_key',
          values: { api_key: '' },
        },
        5,
      ),
      credential(
        {
          id: 'cred-google-drive-expired',
          providerId: 'google-drive',
          name: 'ada@example.com',
          method: 'oauth2',
          values: {},
          account: 'ada@example.com',
          tokens: tokens('google-drive'),
          grantedScopes: scopesOf('google-drive'),
          expiresAt: now - 2 * HOUR,
        },
        3,
      ),
      credential(
        {
          id: 'cred-dropbox-revoked',
          providerId: 'dropbox',
          name: 'ada.lovelace@example.com',
          method: 'oauth2',
          values: {},
          account: 'ada.lovelace@example.com',
          tokens: tokens('dropbox'),
          grantedScopes: scopesOf('dropbox'),
          health: 'invalid',
        },
        2,
      ),
    ],
    defaults: {
      notion: 'cred-notion-key',
      firecrawl: 'cred-firecrawl-production',
      'jina-reader': 'cred-jina-no-key',
      'google-drive': 'cred-google-drive-expired',
      dropbox: 'cred-dropbox-revoked',
    },
    oauthClients: {
      dropbox: {
        mode: 'custom',
        custom: {
          clientId: 'seeded-dropbox-app-key',
          clientSecret: 'seeded-dropbox-app-secret',
          extra: {},
        },
      },
    },
  };
}
