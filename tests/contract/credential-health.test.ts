import { describe, expect, it } from 'vitest';
// Internal on purpose: the stand-in key formats the mock and the server verify keys with.
import { exampleProviderKey } from '../../src/rules/provider-key-formats';
import { allow, callbackInput } from './support/consent';
import { useContractBackend } from './support/contract-harness';

/**
 * `lastRefreshAt` and `lastError` as both targets can promise them: the mock never refreshes a
 * token, so only a fresh credential's values are common ground (the server's refresh and its
 * failures are shown in server/test/refresh-tokens.test.ts).
 */
describe('Credential health (lastRefreshAt, lastError)', () => {
  const ctx = useContractBackend();

  it('is null for a fresh API key credential, created and listed', async () => {
    const created = await ctx.backend.createApiKeyCredential('firecrawl', {
      name: 'Health',
      values: { firecrawl_api_key: exampleProviderKey('firecrawl') },
    });
    expect(created).toMatchObject({ method: 'api_key', lastRefreshAt: null, lastError: null });

    const listed = (await ctx.backend.listCredentials()).find(({ id }) => id === created.id);
    expect(listed).toMatchObject({ lastRefreshAt: null, lastError: null });
  });

  it('has no error for a freshly connected OAuth credential, and lastRefreshAt null or a time', async () => {
    const start = await ctx.backend.startOAuth('google-drive');
    const done = await ctx.backend.completeOAuthCallback(callbackInput(await allow(ctx, start)));
    expect(done.status).toBe('succeeded');

    const listed = (await ctx.backend.listCredentials()).find(({ id }) => id === done.credentialId);
    expect(listed).toMatchObject({ method: 'oauth2', status: 'active', lastError: null });
    const lastRefreshAt = listed?.lastRefreshAt;
    expect(lastRefreshAt === null || !Number.isNaN(Date.parse(String(lastRefreshAt)))).toBe(true);
    expect(listed).toHaveProperty('lastRefreshAt');
  });
});
