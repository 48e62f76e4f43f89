import { describe, expect, it } from 'vitest';
import { readConfig } from '../src/config';
import { createCredentialsServer } from '../src/create-credentials-server';
import { ConfigurationError } from '../src/crypto/errors';
import { cookieBrowser, connectOAuth, startOAuthServer } from './support/oauth-stack';
import { call, emptyDatabase, testKeys } from './support/test-server';

const RUNNER_A = 'runner-a-0123456789abcdef0123456789abcdef';
const RUNNER_B = 'runner-b-0123456789abcdef0123456789abcdef';
const FIRECRAWL_KEY = 'fc-0123456789abcdef0123456789abcdef';

/** The pipeline runner's call: a service token, no browser headers. */
const issue = (
  server: { fetch(request: Request): Promise<Response> },
  id: string,
  headers: Record<string, string> = { authorization: `Bearer ${RUNNER_A}` },
) => call(server, 'POST', `/credentials/${encodeURIComponent(id)}/token`, { headers });

/** Two tenants: the browser session names its tenant in a header (tenant `a` when it does not). */
async function twoTenants() {
  return startOAuthServer({
    serviceTokens: [
      { tenantId: 'a', token: RUNNER_A },
      { tenantId: 'b', token: RUNNER_B },
    ],
    authenticate: (request) => {
      const tenantId = request.headers.get('x-test-tenant') ?? 'a';
      return { tenantId, userId: `user-of-${tenantId}` };
    },
  });
}

async function accountOf(userinfoEndpoint: string, accessToken: string) {
  const response = await fetch(userinfoEndpoint, {
    headers: { authorization: `Bearer ${accessToken}` },
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('POST /credentials/{id}/token (server-to-server)', () => {
  it('gives the pipeline runner a working access token of an OAuth credential', async () => {
    const { server, as, browser } = await twoTenants();
    const id = await connectOAuth(browser, 'google-drive');

    const issued = await issue(server, id);
    expect(issued.status).toBe(200);
    expect(issued.headers.get('cache-control')).toBe('no-store');
    expect(issued.json).toMatchObject({
      method: 'oauth2',
      providerId: 'google-drive',
      tokenType: expect.stringMatching(/^bearer$/i),
      accessToken: expect.any(String),
      expiresAt: expect.any(String),
    });
    const me = await accountOf(
      as.providerEndpoints('google-drive').userinfoEndpoint,
      String(issued.json?.accessToken),
    );
    expect(me).toMatchObject({ status: 200, body: { email: 'ada@example.com' } });
  });

  it('gives an API-key credential’s values, secrets in clear, only to the service token', async () => {
    const { server, browser } = await twoTenants();
    const created = await browser.call('POST', '/providers/firecrawl/credentials', {
      name: 'Production',
      values: { firecrawl_api_key: FIRECRAWL_KEY, base_url: 'https://api.firecrawl.dev' },
    });
    const id = String(created.json?.id);
    expect(created.text).not.toContain(FIRECRAWL_KEY);

    const issued = await issue(server, id);
    expect(issued.json).toEqual({
      method: 'api_key',
      providerId: 'firecrawl',
      values: { firecrawl_api_key: FIRECRAWL_KEY, base_url: 'https://api.firecrawl.dev' },
    });
  });

  it('is never opened by the browser’s session, and a service token opens nothing else', async () => {
    const { server, browser } = await twoTenants();
    const id = await connectOAuth(browser, 'notion');

    // The browser's authenticate accepts every request here, yet it is not asked.
    const asBrowser = await browser.call('POST', `/credentials/${id}/token`);
    expect([asBrowser.status, asBrowser.json?.error]).toEqual([
      401,
      expect.objectContaining({ code: 'unauthorized' }),
    ]);
    const wrongToken = await issue(server, id, {
      authorization: `Bearer ${RUNNER_A.replace(/.$/, 'x')}`,
    });
    expect(wrongToken.status).toBe(401);

    for (const [method, path] of [
      ['GET', '/credentials'],
      ['GET', '/providers'],
      ['DELETE', `/credentials/${id}`],
    ] as const) {
      const response = await call(server, method, path, {
        headers: { authorization: `Bearer ${RUNNER_A}`, 'if-match': '"1"' },
      });
      expect([method, path, response.status]).toEqual([method, path, 403]);
    }
    expect((await browser.call('GET', '/credentials')).json?.credentials).toHaveLength(1);
  });

  it('refuses a request a browser sent, even with a valid service token', async () => {
    const { server, browser } = await twoTenants();
    const id = await connectOAuth(browser, 'notion');
    const browserHeaders: Record<string, string>[] = [
      { origin: 'http://localhost' },
      { 'sec-fetch-site': 'same-origin' },
      { 'sec-fetch-mode': 'cors' },
    ];
    for (const header of browserHeaders) {
      const response = await issue(server, id, {
        authorization: `Bearer ${RUNNER_A}`,
        ...header,
      });
      expect([response.status, response.json?.error]).toEqual([
        403,
        expect.objectContaining({ code: 'forbidden' }),
      ]);
    }
  });

  it('reads only the tenant its service token names (another tenant’s credential is 404)', async () => {
    const { server, browser } = await twoTenants();
    const oauthId = await connectOAuth(browser, 'google-drive');
    const keyOfB = await browser.call(
      'POST',
      '/providers/firecrawl/credentials',
      { values: { firecrawl_api_key: FIRECRAWL_KEY } },
      { 'x-test-tenant': 'b' },
    );
    const keyId = String(keyOfB.json?.id);

    const tokenB = { authorization: `Bearer ${RUNNER_B}` };
    expect((await issue(server, oauthId, tokenB)).status).toBe(404);
    expect((await issue(server, keyId)).status).toBe(404);
    expect((await issue(server, keyId, tokenB)).status).toBe(200);
    expect((await issue(server, oauthId)).status).toBe(200);
    expect((await issue(server, 'no-such-credential')).status).toBe(404);
  });

  it('answers 401 when no service token is configured (the local default principal included)', async () => {
    const { server, browser } = await startOAuthServer();
    const id = await connectOAuth(browser, 'notion');
    expect((await issue(server, id)).status).toBe(401);
    expect((await cookieBrowser(server).call('POST', `/credentials/${id}/token`)).status).toBe(401);
  });

  it('refuses to boot with a service token shorter than 32 characters', async () => {
    const database = await emptyDatabase();
    await expect(
      createCredentialsServer({
        database,
        keys: testKeys(),
        publicOrigin: 'http://localhost',
        serviceTokens: [{ tenantId: 'local', token: 'x'.repeat(31) }],
      }),
    ).rejects.toBeInstanceOf(ConfigurationError);
  });

  it('reads PIPELINE_CONNECT_SERVICE_TOKEN as tenant:token entries, refusing weak ones without echoing them', () => {
    const env = { PIPELINE_CONNECT_SERVICE_TOKEN: `local:${RUNNER_A}, b:${RUNNER_B}` };
    expect(readConfig(env).serviceTokens).toEqual([
      { tenantId: 'local', token: RUNNER_A },
      { tenantId: 'b', token: RUNNER_B },
    ]);
    expect(readConfig({}).serviceTokens).toEqual([]);

    const short = 'short-token-1234567890123456789';
    for (const setting of [
      `local:${short}`,
      RUNNER_A,
      `:${RUNNER_A}`,
      `a:${RUNNER_A},b:${RUNNER_A}`,
    ]) {
      let problem: unknown = null;
      try {
        readConfig({ PIPELINE_CONNECT_SERVICE_TOKEN: setting });
      } catch (error) {
        problem = error;
      }
      expect(problem, setting).toBeInstanceOf(ConfigurationError);
      expect(String((problem as Error).message)).toContain('PIPELINE_CONNECT_SERVICE_TOKEN');
      expect(String((problem as Error).message)).not.toContain(short);
      expect(String((problem as Error).message)).not.toContain(RUNNER_A);
    }
  });
});
