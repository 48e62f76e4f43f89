import { describe, expect, it } from 'vitest';
import { useContractBackend } from './support/contract-harness';

describe('GET /providers (listProviders)', () => {
  const ctx = useContractBackend();

  it('serves the six providers of the design with their field schemas', async () => {
    const providers = await ctx.backend.listProviders();

    expect(providers.map((provider) => provider.id)).toEqual([
      'notion',
      'jina-reader',
      'firecrawl',
      'google-drive',
      'dropbox',
      'onedrive',
    ]);
    const byId = new Map(providers.map((provider) => [provider.id, provider]));

    expect(byId.get('notion')).toMatchObject({
      name: 'Notion',
      methods: expect.arrayContaining(['api_key', 'oauth2']),
      apiKeyFields: [
        { name: 'integration_secret', type: 'secret', required: true, label: 'API Key' },
      ],
      oauth: { hasPlatformClient: true, clientMode: 'default', clientFields: [] },
    });
    expect(byId.get('jina-reader')).toMatchObject({
      methods: ['api_key'],
      apiKeyFields: [
        {
          name: 'api_key',
          type: 'secret',
          required: false,
          help: expect.stringMatching(/^Leave empty if you don't have one/),
        },
      ],
      oauth: null,
    });
    expect(byId.get('firecrawl')?.apiKeyFields).toMatchObject([
      { name: 'firecrawl_api_key', type: 'secret', required: true },
      { name: 'base_url', type: 'text', required: false, placeholder: 'https://api.firecrawl.dev' },
    ]);
    expect(byId.get('google-drive')).toMatchObject({
      methods: ['oauth2'],
      apiKeyFields: [],
      oauth: {
        scopes: ['https://www.googleapis.com/auth/drive.readonly', 'profile', 'email'],
        hasPlatformClient: true,
        clientMode: 'default',
      },
    });
    expect(byId.get('dropbox')?.oauth).toEqual({
      scopes: ['files.metadata.read', 'files.content.read', 'account_info.read'],
      requiredScopes: [
        { scope: 'files.metadata.read', purpose: 'See your files and folders' },
        { scope: 'files.content.read', purpose: 'Read the contents of your files' },
      ],
      hasPlatformClient: false,
      clientMode: 'none',
      clientFields: [],
      developerConsoleUrl: 'https://www.dropbox.com/developers/apps',
    });
    expect(byId.get('onedrive')?.oauth).toMatchObject({
      scopes: ['Files.Read.All', 'User.Read', 'offline_access'],
      hasPlatformClient: false,
      clientMode: 'none',
      clientFields: [
        { name: 'tenant_id', type: 'text', default: 'organizations', required: false },
      ],
    });
  });

  it('names, for every OAuth provider, the scopes a node needs among those it asks for', async () => {
    for (const provider of await ctx.backend.listProviders()) {
      if (!provider.oauth) continue;
      expect(provider.oauth.requiredScopes.length, provider.id).toBeGreaterThan(0);
      for (const needed of provider.oauth.requiredScopes) {
        expect(provider.oauth.scopes, provider.id).toContain(needed.scope);
        expect(needed.purpose.length, `${provider.id} ${needed.scope}`).toBeGreaterThan(5);
        // Every purpose is translated where the provider has Chinese words.
        const chinese = provider.localized?.['zh-Hans'];
        if (chinese) expect(chinese.scopePurposes?.[needed.scope], needed.scope).toBeTruthy();
      }
    }
  });

  it('gives every provider an image icon, a description and documented fields', async () => {
    for (const provider of await ctx.backend.listProviders()) {
      expect(provider.icon).toMatch(/^data:image\/svg\+xml,/);
      expect(provider.description.length).toBeGreaterThan(10);
      for (const field of [...provider.apiKeyFields, ...(provider.oauth?.clientFields ?? [])]) {
        expect(field.help, `${provider.id}.${field.name}`).toBeTruthy();
        expect(new URL(field.helpUrl ?? '').protocol).toBe('https:');
      }
    }
  });

  it('reports the OAuth client in use as it is saved and removed', async () => {
    const clientMode = async (id: string) =>
      (await ctx.backend.listProviders()).find((provider) => provider.id === id)?.oauth?.clientMode;

    await ctx.backend.saveOAuthClient('dropbox', {
      mode: 'custom',
      clientId: 'app-key',
      clientSecret: 'app-secret',
    });
    expect(await clientMode('dropbox')).toBe('custom');
    await ctx.backend.saveOAuthClient('notion', {
      mode: 'custom',
      clientId: 'mine',
      clientSecret: 'shh',
    });
    expect(await clientMode('notion')).toBe('custom');
    await ctx.backend.saveOAuthClient('notion', { mode: 'default' });
    expect(await clientMode('notion')).toBe('default');

    await ctx.backend.deleteOAuthClient('dropbox');
    expect(await clientMode('dropbox')).toBe('none');
  });
});
