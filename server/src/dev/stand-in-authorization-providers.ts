/**
 * The OAuth providers the stand-in authorization server simulates: their names, their real
 * scopes (exactly the strings of the provider catalog, `mocks/fixtures.ts`), the account each one
 * is signed in as, and whether the platform has its own client there (DESIGN.md §1).
 */

/** The ids of the simulated OAuth providers (the catalog's ids). */
export type StandInProviderId = 'notion' | 'google-drive' | 'dropbox' | 'onedrive';

/** The providers on which the platform has a default client (DESIGN.md §1). */
export type StandInPlatformProviderId = 'notion' | 'google-drive';

/** The signed-in account of a simulated provider, as its account endpoint tells it. */
export interface StandInAccount {
  /** The stable subject identifier. */
  sub: string;
  /** The display name: Notion's workspace name, the person's name elsewhere. */
  name: string;
  /** The e-mail address; Notion, whose account is a workspace, has none. */
  email?: string;
}

/** One simulated provider. */
export interface StandInProvider {
  id: StandInProviderId;
  /** The provider's name as its consent page shows it. */
  name: string;
  /** The scopes the provider knows; a request for any other is refused with `invalid_scope`. */
  scopes: readonly string[];
  account: StandInAccount;
  hasPlatformClient: boolean;
  /**
   * Whether the consent page lets the user untick scopes and grants only those left ticked, as
   * Google's and Microsoft's do (Notion and Dropbox grant all or nothing).
   */
  granularConsent: boolean;
}

/** The four simulated providers, by id. */
export const standInProviders: Readonly<Record<StandInProviderId, StandInProvider>> = {
  notion: {
    id: 'notion',
    name: 'Notion',
    scopes: ['read_content'],
    account: { sub: 'notion-ada', name: "Ada's Workspace" },
    hasPlatformClient: true,
    granularConsent: false,
  },
  'google-drive': {
    id: 'google-drive',
    name: 'Google Drive',
    // Google is also an OpenID provider, so `openid` is known there (and only there).
    scopes: ['https://www.googleapis.com/auth/drive.readonly', 'profile', 'email', 'openid'],
    account: { sub: 'google-drive-ada', name: 'Ada Lovelace', email: 'ada@example.com' },
    hasPlatformClient: true,
    granularConsent: true,
  },
  dropbox: {
    id: 'dropbox',
    name: 'Dropbox',
    scopes: ['files.metadata.read', 'files.content.read', 'account_info.read'],
    account: { sub: 'dropbox-ada', name: 'Ada Lovelace', email: 'ada.lovelace@example.com' },
    hasPlatformClient: false,
    granularConsent: false,
  },
  onedrive: {
    id: 'onedrive',
    name: 'OneDrive',
    scopes: ['Files.Read.All', 'User.Read', 'offline_access'],
    account: { sub: 'onedrive-ada', name: 'Ada Lovelace', email: 'ada@contoso.example' },
    hasPlatformClient: false,
    granularConsent: true,
  },
};

/** The simulated providers' ids, in the catalog's order. */
export const standInProviderIds: readonly StandInProviderId[] = [
  'notion',
  'google-drive',
  'dropbox',
  'onedrive',
];

/** Whether `providerId` is one of the simulated OAuth providers. */
export function isStandInProviderId(providerId: string): providerId is StandInProviderId {
  return Object.hasOwn(standInProviders, providerId);
}

/**
 * The account as a person recognises it — the e-mail address, or the workspace name where there
 * is none (Notion) — which is what the consent page shows and what a credential is named after.
 */
export function accountLabel(account: StandInAccount): string {
  return account.email ?? account.name;
}

/** The default client id of the platform's own client on a provider (the mock's too). */
export function defaultPlatformClientId(providerId: StandInPlatformProviderId): string {
  return `pipeline-connect-platform-${providerId}`;
}
