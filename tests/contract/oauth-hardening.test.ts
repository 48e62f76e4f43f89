import { describe, expect, it } from 'vitest';
import { rawRequest, useContractBackend } from './support/contract-harness';

/** The `state` of a new flow, read from its authorization URL as the consent page would. */
async function startedState(ctx: ReturnType<typeof useContractBackend>, providerId = 'notion') {
  const start = await ctx.backend.startOAuth(providerId);
  const state = new URL(start.authorizationUrl).searchParams.get('state');
  if (!state) throw new Error('The authorization URL carries no state.');
  return { start, state };
}

const codePoints = (text: string) => Array.from(text).length;

describe('provider-supplied strings are capped', () => {
  const ctx = useContractBackend();

  it('cuts a 60,000-character provider error to 500 characters, stored and shown', async () => {
    const { start, state } = await startedState(ctx);
    const status = await ctx.backend.completeOAuthCallback({ state, error: 'e'.repeat(60_000) });

    expect(status).toMatchObject({ status: 'failed', credentialId: null });
    expect(codePoints(status.error?.code ?? '')).toBeLessThanOrEqual(500);
    expect(codePoints(status.error?.message ?? '')).toBeLessThanOrEqual(500);
    const read = await ctx.backend.getOAuthFlow(start.flowId);
    expect(codePoints(read.error?.code ?? '')).toBeLessThanOrEqual(500);
    expect(codePoints(read.error?.message ?? '')).toBeLessThanOrEqual(500);
    expect(ctx.exchanges.every((exchange) => exchange.responseBody.length < 4_000)).toBe(true);
    expect(await ctx.backend.listCredentials()).toEqual([]);
  });

  it('keeps a short provider error as it is', async () => {
    const { state } = await startedState(ctx);
    const status = await ctx.backend.completeOAuthCallback({ state, error: 'server_error' });
    expect(status.error?.code).toBe('server_error');
  });
});

describe('the redirect URI comes from configuration, never from the request', () => {
  const ctx = useContractBackend();
  const forged = {
    Host: 'evil.example',
    'X-Forwarded-Host': 'evil.example',
    'X-Forwarded-Proto': 'https',
    Forwarded: 'host=evil.example;proto=https',
    Origin: 'https://evil.example',
    Referer: 'https://evil.example/',
  };

  it('in the OAuth client settings and in the authorization URL', async () => {
    const plain = await ctx.backend.getOAuthClient('google-drive');

    const settings = await rawRequest('GET', '/providers/google-drive/oauth-client', {
      headers: forged,
    });
    expect(settings.status).toBe(200);
    const { redirectUri } = (await settings.json()) as { redirectUri: string };
    expect(redirectUri).toBe(plain.redirectUri);

    const flow = await rawRequest('POST', '/providers/google-drive/oauth/flows', {
      body: '{}',
      headers: forged,
    });
    expect(flow.status).toBe(201);
    const { authorizationUrl } = (await flow.json()) as { authorizationUrl: string };
    expect(new URL(authorizationUrl).searchParams.get('redirect_uri')).toBe(plain.redirectUri);
    expect(authorizationUrl).not.toContain('evil.example');
  });
});
