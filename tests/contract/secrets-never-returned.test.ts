import { describe, expect, it } from 'vitest';
import {
  issueAuthorizationCode,
  parseAuthorizationRequest,
} from '../../mocks/oauth-provider/provider';
import { SECRET_MASK } from '../../src/credentials/backend';
import { useContractBackend, type ContractContext } from './support/contract-harness';

const API_KEY = 'fc-SuperSecretApiKey-7f3a9c';
const NOTION_SECRET = 'ntn_AnotherSecret_0042';
const CLIENT_SECRET = 'dropbox-ClientSecret-e81b';
const RETYPED_KEY = 'fc-RetypedKey-99d1';

/** Every read the contract offers, for every provider. */
async function readEverything(ctx: ContractContext) {
  const providers = await ctx.backend.listProviders();
  await ctx.backend.listCredentials();
  for (const provider of providers) {
    await ctx.backend.listCredentials({ providerId: provider.id });
    if (provider.oauth) await ctx.backend.getOAuthClient(provider.id);
  }
}

function expectNowhere(ctx: ContractContext, secrets: readonly string[]) {
  expect(ctx.exchanges.length).toBeGreaterThan(10);
  for (const exchange of ctx.exchanges) {
    for (const secret of secrets) {
      expect(exchange.responseBody, `${exchange.method} ${exchange.url}`).not.toContain(secret);
      expect(exchange.url).not.toContain(secret);
    }
  }
}

describe('secrets never come back', () => {
  const ctx = useContractBackend();

  it('masks API keys and client secrets in every response, writes included', async () => {
    const firecrawl = await ctx.backend.createApiKeyCredential('firecrawl', {
      name: 'Production',
      values: { firecrawl_api_key: API_KEY, base_url: 'https://crawl.example.com' },
    });
    await ctx.backend.createApiKeyCredential('notion', {
      values: { integration_secret: NOTION_SECRET },
    });
    await ctx.backend.saveOAuthClient('dropbox', {
      mode: 'custom',
      clientId: 'dropbox-app',
      clientSecret: CLIENT_SECRET,
    });
    await ctx.backend.saveOAuthClient('dropbox', { mode: 'custom', clientId: 'dropbox-app-2' });
    await ctx.backend.updateCredential(firecrawl.id, 1, {
      values: { firecrawl_api_key: RETYPED_KEY },
    });

    const start = await ctx.backend.startOAuth('dropbox');
    const request = parseAuthorizationRequest(start.authorizationUrl);
    await ctx.backend.completeOAuthCallback({
      state: request.state,
      code: issueAuthorizationCode(ctx.store, request),
    });
    await ctx.backend.getOAuthFlow(start.flowId);
    await readEverything(ctx);

    // The secrets did go out (in request bodies), so the search below is not vacuous.
    const sent = ctx.exchanges.map((exchange) => exchange.requestBody).join('\n');
    for (const secret of [API_KEY, NOTION_SECRET, CLIENT_SECRET, RETYPED_KEY])
      expect(sent).toContain(secret);
    expectNowhere(ctx, [API_KEY, NOTION_SECRET, CLIENT_SECRET, RETYPED_KEY]);

    const masked = ctx.exchanges.filter((exchange) => exchange.responseBody.includes(SECRET_MASK));
    expect(masked.length).toBeGreaterThan(0);
  });

  it('never returns the OAuth tokens, codes or PKCE verifier of a grant', async () => {
    const start = await ctx.backend.startOAuth('google-drive');
    const request = parseAuthorizationRequest(start.authorizationUrl);
    const code = issueAuthorizationCode(ctx.store, request);
    await ctx.backend.completeOAuthCallback({ state: request.state, code });
    await ctx.backend.getOAuthFlow(start.flowId);
    await readEverything(ctx);

    const reads = ctx.exchanges.filter((exchange) => exchange.method === 'GET');
    for (const exchange of reads) {
      expect(exchange.responseBody).not.toContain(code);
      expect(exchange.responseBody).not.toContain(request.state);
      expect(exchange.responseBody).not.toMatch(/token|verifier/i);
    }
  });
});

describe('secrets of seeded data never come back', () => {
  const ctx = useContractBackend({ seed: 'mixed' });

  it('masks every seeded secret and token', async () => {
    await readEverything(ctx);
    expectNowhere(ctx, [
      'ntn_seeded',
      'fc-seeded',
      'seeded-dropbox-app-secret',
      'seed-access',
      'seed-refresh',
    ]);
  });
});
