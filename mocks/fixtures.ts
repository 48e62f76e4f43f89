import type { Provider, ProviderOAuth } from '../src/credentials/backend';
import { providerIcons } from './provider-icons';
import { providerTranslations } from './provider-translations';

/**
 * A provider as the mock server knows it. `clientMode` is left out because it depends on the
 * OAuth client settings in the store; the catalog endpoint fills it in.
 */
export interface ProviderFixture extends Omit<Provider, 'oauth'> {
  oauth: Omit<ProviderOAuth, 'clientMode'> | null;
}

/** How the simulated provider behaves beyond what its catalog entry says. */
export interface ProviderBehaviour {
  /** Lifetime of an OAuth access token; null when tokens do not expire. */
  tokenLifetimeSeconds: number | null;
  /** Text fields that must hold an http(s) URL when filled in. */
  urlFields: readonly string[];
  /** The account the simulated provider is signed in as (OAuth providers only). */
  account: string | null;
  /** Whether its consent page lets the user untick scopes (Google's and Microsoft's do). */
  granularConsent: boolean;
}

/** The six providers of the design (DESIGN.md §1), with their real field schemas. */
const catalog: readonly ProviderFixture[] = [
  {
    id: 'notion',
    name: 'Notion',
    description: 'Pages and databases from a Notion workspace.',
    icon: providerIcons.notion,
    methods: ['oauth2', 'api_key'],
    apiKeyFields: [
      {
        name: 'integration_secret',
        type: 'secret',
        label: 'API Key',
        required: true,
        placeholder: 'ntn_…',
        help: 'The Internal Integration Secret of a Notion integration shared with your pages.',
        helpUrl: 'https://developers.notion.com/docs/create-a-notion-integration',
      },
    ],
    oauth: {
      scopes: ['read_content'],
      requiredScopes: [{ scope: 'read_content', purpose: 'Read your pages and databases' }],
      hasPlatformClient: true,
      clientFields: [],
      developerConsoleUrl: 'https://www.notion.so/profile/integrations',
    },
  },
  {
    id: 'jina-reader',
    name: 'Jina Reader',
    description: 'Reads any web page as clean, LLM-ready text.',
    icon: providerIcons['jina-reader'],
    methods: ['api_key'],
    apiKeyFields: [
      {
        name: 'api_key',
        type: 'secret',
        label: 'API Key',
        required: false,
        placeholder: 'jina_…',
        help: "Leave empty if you don't have one; requests are then rate-limited more strictly.",
        helpUrl: 'https://jina.ai/reader/',
      },
    ],
    oauth: null,
  },
  {
    id: 'firecrawl',
    name: 'Firecrawl',
    description: 'Crawls websites and turns them into Markdown.',
    icon: providerIcons.firecrawl,
    methods: ['api_key'],
    apiKeyFields: [
      {
        name: 'firecrawl_api_key',
        type: 'secret',
        label: 'API Key',
        required: true,
        placeholder: 'fc-…',
        help: 'Create a key in your Firecrawl dashboard.',
        helpUrl: 'https://docs.firecrawl.dev/introduction',
      },
      {
        name: 'base_url',
        type: 'text',
        label: 'Base URL',
        required: false,
        placeholder: 'https://api.firecrawl.dev',
        help: 'Only for a self-hosted Firecrawl; leave empty to use the hosted service.',
        helpUrl: 'https://docs.firecrawl.dev/contributing/self-host',
      },
    ],
    oauth: null,
  },
  {
    id: 'google-drive',
    name: 'Google Drive',
    description: 'Docs, Sheets, PDFs and other files from Google Drive.',
    icon: providerIcons['google-drive'],
    methods: ['oauth2'],
    apiKeyFields: [],
    oauth: {
      scopes: ['https://www.googleapis.com/auth/drive.readonly', 'profile', 'email'],
      requiredScopes: [
        {
          scope: 'https://www.googleapis.com/auth/drive.readonly',
          purpose: 'See and download your Google Drive files',
        },
      ],
      hasPlatformClient: true,
      clientFields: [],
      developerConsoleUrl: 'https://console.cloud.google.com/apis/credentials',
    },
  },
  {
    id: 'dropbox',
    name: 'Dropbox',
    description: 'Files and folders from Dropbox.',
    icon: providerIcons.dropbox,
    methods: ['oauth2'],
    apiKeyFields: [],
    oauth: {
      scopes: ['files.metadata.read', 'files.content.read', 'account_info.read'],
      requiredScopes: [
        { scope: 'files.metadata.read', purpose: 'See your files and folders' },
        { scope: 'files.content.read', purpose: 'Read the contents of your files' },
      ],
      hasPlatformClient: false,
      clientFields: [],
      developerConsoleUrl: 'https://www.dropbox.com/developers/apps',
    },
  },
  {
    id: 'onedrive',
    name: 'OneDrive',
    description: 'Files from OneDrive and SharePoint.',
    icon: providerIcons.onedrive,
    methods: ['oauth2'],
    apiKeyFields: [],
    oauth: {
      scopes: ['Files.Read.All', 'User.Read', 'offline_access'],
      // offline_access only lets the grant renew itself: without it the node still reads, until
      // the token expires (`Credential.refreshable` says so, not a missing permission).
      requiredScopes: [{ scope: 'Files.Read.All', purpose: 'Read all the files you can open' }],
      hasPlatformClient: false,
      developerConsoleUrl:
        'https://portal.azure.com/#view/Microsoft_AAD_RegisteredApps/ApplicationsListBlade',
      clientFields: [
        {
          name: 'tenant_id',
          type: 'text',
          label: 'Tenant ID',
          required: false,
          default: 'organizations',
          placeholder: 'organizations',
          help: 'Your directory (tenant) ID, or organizations, common or consumers.',
          helpUrl:
            'https://learn.microsoft.com/en-us/entra/identity-platform/v2-protocols#endpoints',
        },
      ],
    },
  },
];

/** The six providers as the catalog serves them, with their translations. */
export const providerFixtures: readonly ProviderFixture[] = catalog.map((provider) => ({
  ...provider,
  localized: providerTranslations[provider.id],
}));

/**
 * Behaviour by provider id: Google Drive's and OneDrive's access tokens expire after an hour
 * (DESIGN.md §1), and their consent pages let the user untick scopes.
 */
export const providerBehaviours: Readonly<Record<string, ProviderBehaviour>> = {
  notion: {
    tokenLifetimeSeconds: null,
    urlFields: [],
    account: "Ada's Workspace",
    granularConsent: false,
  },
  'jina-reader': {
    tokenLifetimeSeconds: null,
    urlFields: [],
    account: null,
    granularConsent: false,
  },
  firecrawl: {
    tokenLifetimeSeconds: null,
    urlFields: ['base_url'],
    account: null,
    granularConsent: false,
  },
  'google-drive': {
    tokenLifetimeSeconds: 3600,
    urlFields: [],
    account: 'ada@example.com',
    granularConsent: true,
  },
  dropbox: {
    tokenLifetimeSeconds: null,
    urlFields: [],
    account: 'ada.lovelace@example.com',
    granularConsent: false,
  },
  onedrive: {
    tokenLifetimeSeconds: 3600,
    urlFields: [],
    account: 'ada@contoso.example',
    granularConsent: true,
  },
};

/** The client ID the platform's own OAuth client uses for a provider. */
export function platformClientId(providerId: string): string {
  return `pipeline-connect-platform-${providerId}`;
}

/** Looks a provider up by id. */
export function findProviderFixture(providerId: string): ProviderFixture | undefined {
  return providerFixtures.find((provider) => provider.id === providerId);
}
