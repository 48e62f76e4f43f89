import { describe, expect, it } from 'vitest';
import { credentials, oauthFlows } from '../src/storage/schema';
import { giveConsent, openConsentPage } from './support/consent';
import { callbackInput, cookieBrowser, startOAuthServer } from './support/oauth-stack';

type Json = Record<string, unknown>;
const MINUTE = 60_000;

describe('OAuth flows against a real authorization server (oidc-provider)', () => {
  it('connects Google Drive with the platform client: code + PKCE exchanged, account read, tokens sealed', async () => {
    const { server, browser } = await startOAuthServer();
    const started = await browser.call('POST', '/providers/google-drive/oauth/flows', {});
    expect(started.status).toBe(201);
    expect(started.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Lax/);
    const start = started.json as { flowId: string; authorizationUrl: string };
    const url = new URL(start.authorizationUrl);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('client_id')).toBe('pipeline-connect-platform-google-drive');

    const redirect = await giveConsent(url, { decision: 'allow' });
    expect(redirect.searchParams.get('iss')).not.toBeNull();
    const done = await browser.call('POST', '/oauth/callback', callbackInput(redirect));
    expect(done.status).toBe(200);
    expect(done.json).toMatchObject({ status: 'succeeded', outcome: 'created', error: null });

    const listed = (await browser.call('GET', '/credentials')).json?.credentials as Json[];
    expect(listed).toEqual([
      expect.objectContaining({
        id: (done.json as Json).credentialId,
        providerId: 'google-drive',
        method: 'oauth2',
        name: 'ada@example.com',
        account: 'ada@example.com',
        status: 'active',
        isDefault: true,
      }),
    ]);
    expect(listed[0]?.expiresAt).not.toBeNull();
    const [row] = await server.database.db.select().from(credentials);
    expect(row?.tokensSealed).toMatch(/^pc1\./);
    const everything = JSON.stringify(await server.database.db.select().from(oauthFlows));
    expect(everything).not.toContain(url.searchParams.get('state'));
    expect((await browser.call('GET', `/oauth/flows/${start.flowId}`)).json).toMatchObject({
      status: 'succeeded',
    });
  });

  it('says access was denied when the user clicks Cancel, and stores nothing', async () => {
    const { browser } = await startOAuthServer();
    const start = (await browser.call('POST', '/providers/notion/oauth/flows', {})).json as Json;
    const redirect = await giveConsent(String(start.authorizationUrl), { decision: 'cancel' });
    const done = await browser.call('POST', '/oauth/callback', callbackInput(redirect));
    expect(done.json).toMatchObject({ status: 'failed', error: { code: 'access_denied' } });
    expect((await browser.call('GET', '/credentials')).json?.credentials).toEqual([]);
  });

  it('refuses a callback without the browser-binding cookie, and the real flow still completes', async () => {
    const { server, browser } = await startOAuthServer();
    const start = (await browser.call('POST', '/providers/notion/oauth/flows', {})).json as Json;
    const redirect = await giveConsent(String(start.authorizationUrl), { decision: 'allow' });

    const elsewhere = cookieBrowser(server);
    const forged = await elsewhere.call('POST', '/oauth/callback', callbackInput(redirect));
    expect([forged.status, (forged.json?.error as Json)?.code]).toEqual([400, 'invalid_state']);

    const real = await browser.call('POST', '/oauth/callback', callbackInput(redirect));
    expect(real.json).toMatchObject({ status: 'succeeded' });
  });

  it('honours a state once: a replayed callback is refused and nothing is added', async () => {
    const { browser } = await startOAuthServer();
    const start = (await browser.call('POST', '/providers/notion/oauth/flows', {})).json as Json;
    const redirect = await giveConsent(String(start.authorizationUrl), { decision: 'allow' });
    const [first, second] = await Promise.all([
      browser.call('POST', '/oauth/callback', callbackInput(redirect)),
      browser.call('POST', '/oauth/callback', callbackInput(redirect)),
    ]);
    const statuses = [first.status, second.status].sort();
    expect(statuses).toEqual([200, 400]);
    expect((await browser.call('GET', '/credentials')).json?.credentials).toHaveLength(1);
  });

  it('refuses an unknown state, an expired flow and another principal’s flow', async () => {
    let now = Date.parse('2026-03-02T09:00:00Z');
    const { server, browser } = await startOAuthServer({
      clock: () => new Date(now),
      authenticate: (request) => ({
        tenantId: 'local',
        userId: request.headers.get('x-user') ?? 'ada',
      }),
    });
    expect(
      (await browser.call('POST', '/oauth/callback', { state: 'never-issued', code: 'x' })).status,
    ).toBe(400);

    const start = (await browser.call('POST', '/providers/notion/oauth/flows', {})).json as Json;
    const redirect = await giveConsent(String(start.authorizationUrl), { decision: 'allow' });
    const other = await browser.call('POST', '/oauth/callback', callbackInput(redirect), {
      'x-user': 'mallory',
    });
    expect((other.json?.error as Json)?.code).toBe('invalid_state');

    now += 10 * MINUTE;
    const late = await browser.call('POST', '/oauth/callback', callbackInput(redirect));
    expect((late.json?.error as Json)?.code).toBe('invalid_state');
    expect((await browser.call('GET', `/oauth/flows/${String(start.flowId)}`)).json).toMatchObject({
      status: 'expired',
    });
    expect(await server.database.db.select().from(credentials)).toEqual([]);
  });

  it('cancels a flow: a consent given afterwards stores nothing (flow_cancelled)', async () => {
    const { browser } = await startOAuthServer();
    const start = (await browser.call('POST', '/providers/notion/oauth/flows', {})).json as Json;
    const cancelled = await browser.call('DELETE', `/oauth/flows/${String(start.flowId)}`);
    expect(cancelled.json).toMatchObject({ status: 'failed', error: { code: 'flow_cancelled' } });
    expect((await browser.call('DELETE', `/oauth/flows/${String(start.flowId)}`)).status).toBe(200);

    const redirect = await giveConsent(String(start.authorizationUrl), { decision: 'allow' });
    const late = await browser.call('POST', '/oauth/callback', callbackInput(redirect));
    expect([late.status, (late.json?.error as Json)?.code]).toEqual([400, 'flow_cancelled']);
    expect((await browser.call('GET', '/credentials')).json?.credentials).toEqual([]);
  });

  it('re-authorizes: the credential keeps its id and name; the same account twice is one credential', async () => {
    const { browser } = await startOAuthServer();
    const connect = async (body: Json = {}) => {
      const start = (await browser.call('POST', '/providers/notion/oauth/flows', body))
        .json as Json;
      const redirect = await giveConsent(String(start.authorizationUrl), { decision: 'allow' });
      return (await browser.call('POST', '/oauth/callback', callbackInput(redirect))).json as Json;
    };
    const first = await connect();
    expect(first).toMatchObject({ status: 'succeeded', outcome: 'created' });
    const id = String(first.credentialId);
    await browser.call('PATCH', `/credentials/${id}`, { name: 'Team wiki' }, { 'if-match': '"1"' });

    const again = await connect({ credentialId: id });
    expect(again).toMatchObject({ status: 'succeeded', credentialId: id, outcome: 'reauthorized' });
    // Connecting the account again (not asking to re-authorize) says it was connected already.
    const sameAccount = await connect();
    expect(sameAccount).toMatchObject({
      status: 'succeeded',
      credentialId: id,
      outcome: 'reconnected',
    });

    const listed = (await browser.call('GET', '/credentials')).json?.credentials as Json[];
    expect(listed).toEqual([
      expect.objectContaining({ id, name: 'Team wiki', account: "Ada's Workspace", version: 4 }),
    ]);
  });

  it('uses a custom Dropbox client: its Client ID on the consent page, its secret at the token endpoint', async () => {
    const { browser } = await startOAuthServer();
    const none = await browser.call('POST', '/providers/dropbox/oauth/flows', {});
    expect((none.json?.error as Json)?.code).toBe('oauth_client_required');
    await browser.call('PUT', '/providers/dropbox/oauth-client', {
      mode: 'custom',
      clientId: 'ada-dropbox-app',
      clientSecret: 'ada-dropbox-secret-0001',
    });
    const start = (await browser.call('POST', '/providers/dropbox/oauth/flows', {})).json as Json;
    const page = await openConsentPage(String(start.authorizationUrl));
    expect(page.html).toContain('ada-dropbox-app');
    const redirect = await page.submit('allow');
    const done = await browser.call('POST', '/oauth/callback', callbackInput(redirect));
    expect(done.json).toMatchObject({ status: 'succeeded' });
    const listed = (await browser.call('GET', '/credentials')).json?.credentials as Json[];
    expect(listed[0]).toMatchObject({ name: 'ada.lovelace@example.com', providerId: 'dropbox' });
  });

  it('fails the flow (invalid_grant) when the code does not check out, storing nothing', async () => {
    const { browser } = await startOAuthServer();
    const start = (await browser.call('POST', '/providers/notion/oauth/flows', {})).json as Json;
    const redirect = await giveConsent(String(start.authorizationUrl), { decision: 'allow' });
    const input = { ...callbackInput(redirect), code: 'not-the-code' };
    const done = await browser.call('POST', '/oauth/callback', input);
    expect(done.json).toMatchObject({ status: 'failed', error: { code: 'invalid_grant' } });
    expect((await browser.call('GET', '/credentials')).json?.credentials).toEqual([]);
  });
});
