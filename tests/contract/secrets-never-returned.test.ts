import { describe, expect, it } from 'vitest';
import { SECRET_MASK } from 'pipeline-connect';
import { allow, callbackInput } from './support/consent';
import { mockOnlyIt, useContractBackend, type ContractContext } from './support/contract-harness';

// Keys in the providers' real formats, so a backend that verifies them stores them.
const API_KEY = 'fc-fb83c876b3702554dc6c5cc75c4ff574';
const NOTION_SECRET = 'ntn_nGhE3Wf4aA9dkh4UUqFNqC0uk5AKM2COHl51goulvnvWTF';
const JINA_KEY = 'jina_d8ac1435980d64bcd125fca35c004a3elEZlgL7rxvgPZzLt9PUWh08mT19a';
const CLIENT_SECRET = 'dropbox-ClientSecret-e81b';
const RETYPED_KEY = 'fc-2fab64637f7a814c5e4614e7cf721a01';

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

/** The secrets did go out (in request bodies), so a search for them in answers is not vacuous. */
function expectSent(ctx: ContractContext, secrets: readonly string[]) {
  const sent = ctx.exchanges.map((exchange) => exchange.requestBody).join('\n');
  for (const secret of secrets) expect(sent).toContain(secret);
}

describe('secrets never come back', () => {
  const ctx = useContractBackend();

  it('masks API keys and client secrets in every response, writes included', async () => {
    const firecrawl = await ctx.backend.createApiKeyCredential('firecrawl', {
      name: 'Production',
      values: { firecrawl_api_key: API_KEY, base_url: 'https://api.firecrawl.dev' },
    });
    await ctx.backend.createApiKeyCredential('notion', {
      values: { integration_secret: NOTION_SECRET },
    });
    await ctx.backend.createApiKeyCredential('jina-reader', { values: { api_key: JINA_KEY } });
    await ctx.backend.saveOAuthClient('dropbox', {
      mode: 'custom',
      clientId: 'dropbox-app',
      clientSecret: CLIENT_SECRET,
    });
    await ctx.backend.saveOAuthClient('dropbox', { mode: 'custom', clientId: 'dropbox-app-2' });
    await ctx.backend.updateCredential(firecrawl.id, 1, {
      values: { firecrawl_api_key: RETYPED_KEY },
    });
    await readEverything(ctx);

    const secrets = [API_KEY, NOTION_SECRET, JINA_KEY, CLIENT_SECRET, RETYPED_KEY];
    expectSent(ctx, secrets);
    expectNowhere(ctx, secrets);
    const masked = ctx.exchanges.filter((exchange) => exchange.responseBody.includes(SECRET_MASK));
    expect(masked.length).toBeGreaterThan(0);
  });

  it('never returns a custom client’s secret through an OAuth flow made with it', async () => {
    await ctx.backend.saveOAuthClient('dropbox', {
      mode: 'custom',
      clientId: 'dropbox-app',
      clientSecret: CLIENT_SECRET,
    });
    const start = await ctx.backend.startOAuth('dropbox');
    await ctx.backend.completeOAuthCallback(callbackInput(await allow(ctx, start)));
    expect((await ctx.backend.getOAuthFlow(start.flowId)).status).toBe('succeeded');
    await readEverything(ctx);

    expectSent(ctx, [CLIENT_SECRET]);
    expectNowhere(ctx, [CLIENT_SECRET]);
  });

  it('never returns the OAuth tokens, codes or PKCE verifier of a grant', async () => {
    const start = await ctx.backend.startOAuth('google-drive');
    const redirect = await allow(ctx, start);
    const code = redirect.searchParams.get('code') ?? '';
    const state = redirect.searchParams.get('state') ?? '';
    expect([code.length > 0, state.length > 0]).toEqual([true, true]);
    await ctx.backend.completeOAuthCallback(callbackInput(redirect));
    expect((await ctx.backend.getOAuthFlow(start.flowId)).status).toBe('succeeded');
    await readEverything(ctx);

    const reads = ctx.exchanges.filter((exchange) => exchange.method === 'GET');
    for (const exchange of reads) {
      expect(exchange.responseBody).not.toContain(code);
      expect(exchange.responseBody).not.toContain(state);
      expect(exchange.responseBody).not.toMatch(/token|verifier/i);
    }
  });
});

describe('secrets of seeded data never come back', () => {
  const ctx = useContractBackend({ seed: 'mixed' });

  // Mock only: the seeded datasets are the mock's (the server starts empty and is filled through
  // the API, as the tests above do).
  mockOnlyIt('masks every seeded secret and token', async () => {
    await readEverything(ctx);
    expectNowhere(ctx, [
      'ntn_seeded',
      'fc-5eeded',
      'seeded-dropbox-app-secret',
      'seed-access',
      'seed-refresh',
    ]);
  });
});
