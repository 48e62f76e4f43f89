/**
 * The stand-in authorization server driven as the reference server will drive the real
 * providers: oauth4webapi as the client, plain fetch as the browser on the consent page.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as oauth from 'oauth4webapi';
import { afterEach, describe, expect, test, vi } from 'vitest';
import {
  createStandInAuthorizationServer,
  startStandInAuthorizationServer,
  type RunningStandInAuthorizationServer,
  type StandInAuthorizationServer,
  type StandInProviderEndpoints,
  type StartStandInAuthorizationServerOptions,
} from '../src/dev/stand-in-authorization-server';
import { renderConsentPage } from '../src/dev/stand-in-consent-page';
import { giveConsent, openConsentPage } from './support/consent';

/** The app's completion page: never contacted, the flows stop at the redirect to it. */
const REDIRECT_URI = 'http://127.0.0.1:5173/oauth/complete';
const insecure = { [oauth.allowInsecureRequests]: true } as const;

const running: RunningStandInAuthorizationServer[] = [];

afterEach(async () => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
  await Promise.all(running.splice(0).map((server) => server.close()));
});

async function start(
  options: Partial<StartStandInAuthorizationServerOptions> = {},
): Promise<RunningStandInAuthorizationServer> {
  const server = await startStandInAuthorizationServer({
    redirectUris: [REDIRECT_URI],
    ...options,
  });
  running.push(server);
  return server;
}

function authorizationServer(endpoints: StandInProviderEndpoints): oauth.AuthorizationServer {
  return {
    issuer: endpoints.issuer,
    authorization_endpoint: endpoints.authorizationEndpoint,
    token_endpoint: endpoints.tokenEndpoint,
    userinfo_endpoint: endpoints.userinfoEndpoint,
    revocation_endpoint: endpoints.revocationEndpoint,
    // RFC 9207: oauth4webapi then requires `iss` in every authorization response.
    authorization_response_iss_parameter_supported: true,
  };
}

interface FlowOptions {
  clientId: string;
  clientSecret: string;
  scopes: readonly string[];
  /** How the client sends its secret. Default `basic`. */
  authentication?: 'basic' | 'post';
  redirectUri?: string;
}

interface Flow {
  as: oauth.AuthorizationServer;
  client: oauth.Client;
  authentication: oauth.ClientAuth;
  endpoints: StandInProviderEndpoints;
  verifier: string;
  state: string;
  redirectUri: string;
  authorizationUrl: URL;
}

/** The authorization request the reference server builds: PKCE S256 and state. */
async function beginFlow(
  server: StandInAuthorizationServer,
  providerId: string,
  options: FlowOptions,
): Promise<Flow> {
  const endpoints = server.providerEndpoints(providerId);
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const redirectUri = options.redirectUri ?? REDIRECT_URI;
  const authorizationUrl = new URL(endpoints.authorizationEndpoint);
  authorizationUrl.search = new URLSearchParams({
    client_id: options.clientId,
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: options.scopes.join(' '),
    state,
    code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
  }).toString();
  return {
    as: authorizationServer(endpoints),
    client: { client_id: options.clientId },
    authentication:
      options.authentication === 'post'
        ? oauth.ClientSecretPost(options.clientSecret)
        : oauth.ClientSecretBasic(options.clientSecret),
    endpoints,
    verifier,
    state,
    redirectUri,
    authorizationUrl,
  };
}

/** The code exchange the reference server makes on `POST /oauth/callback`. */
async function exchange(
  flow: Flow,
  callback: URL,
  verifier = flow.verifier,
): Promise<oauth.TokenEndpointResponse> {
  const parameters = oauth.validateAuthResponse(flow.as, flow.client, callback, flow.state);
  const response = await oauth.authorizationCodeGrantRequest(
    flow.as,
    flow.client,
    flow.authentication,
    parameters,
    flow.redirectUri,
    verifier,
    insecure,
  );
  return oauth.processAuthorizationCodeResponse(flow.as, flow.client, response);
}

async function refresh(flow: Flow, refreshToken: string): Promise<oauth.TokenEndpointResponse> {
  const response = await oauth.refreshTokenGrantRequest(
    flow.as,
    flow.client,
    flow.authentication,
    refreshToken,
    insecure,
  );
  return oauth.processRefreshTokenResponse(flow.as, flow.client, response);
}

async function readAccount(flow: Flow, accessToken: string): Promise<oauth.UserInfoResponse> {
  const response = await oauth.userInfoRequest(flow.as, flow.client, accessToken, insecure);
  return oauth.processUserInfoResponse(flow.as, flow.client, oauth.skipSubjectCheck, response);
}

/** The account endpoint's status for a token (200 while the token lives, 401 after). */
async function accountStatus(flow: Flow, accessToken: string): Promise<number> {
  const response = await fetch(flow.endpoints.userinfoEndpoint, {
    headers: { authorization: `Bearer ${accessToken}` },
  });
  await response.body?.cancel();
  return response.status;
}

/** A flow through consent (Allow Access) and the code exchange. */
async function connect(
  server: RunningStandInAuthorizationServer,
  providerId: string,
  options: FlowOptions,
) {
  const flow = await beginFlow(server, providerId, options);
  const callback = await giveConsent(flow.authorizationUrl, { decision: 'allow' });
  const tokens = await exchange(flow, callback);
  return { flow, callback, tokens };
}

function notionOptions(server: StandInAuthorizationServer): FlowOptions {
  return {
    clientId: server.platformClients.notion.clientId,
    clientSecret: server.platformClients.notion.clientSecret,
    scopes: ['read_content'],
  };
}

const googleDriveScopes = ['https://www.googleapis.com/auth/drive.readonly', 'profile', 'email'];

function googleDriveOptions(server: RunningStandInAuthorizationServer): FlowOptions {
  return {
    clientId: server.platformClients['google-drive'].clientId,
    clientSecret: server.platformClients['google-drive'].clientSecret,
    scopes: googleDriveScopes,
    authentication: 'post',
  };
}

describe('the stand-in authorization server', () => {
  test('listens on 127.0.0.1 and publishes each provider under its own issuer', async () => {
    const server = await start();
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.hostPort).toBe(server.origin.slice('http://'.length));
    expect(server.providerEndpoints('dropbox')).toEqual({
      issuer: `${server.origin}/dropbox`,
      authorizationEndpoint: `${server.origin}/dropbox/authorize`,
      tokenEndpoint: `${server.origin}/dropbox/token`,
      userinfoEndpoint: `${server.origin}/dropbox/me`,
      revocationEndpoint: `${server.origin}/dropbox/revoke`,
    });
    expect(() => server.providerEndpoints('firecrawl')).toThrow(TypeError);
    expect(server.platformClients.notion.clientId).toBe('pipeline-connect-platform-notion');
    expect(server.platformClients['google-drive'].clientSecret).toMatch(/^[\w-]{43}$/);
    expect(server.platformClients.notion.redirectUris).toEqual([REDIRECT_URI]);

    // Discovery agrees with the endpoints, and promises what the flows below check.
    const issuer = new URL(server.providerEndpoints('google-drive').issuer);
    const discovered = await oauth.processDiscoveryResponse(
      issuer,
      await oauth.discoveryRequest(issuer, { algorithm: 'oidc', ...insecure }),
    );
    expect(discovered).toMatchObject({
      issuer: issuer.href,
      authorization_endpoint: `${issuer.href}/authorize`,
      token_endpoint: `${issuer.href}/token`,
      revocation_endpoint: `${issuer.href}/revoke`,
      authorization_response_iss_parameter_supported: true,
      code_challenge_methods_supported: ['S256'],
      response_types_supported: ['code'],
    });
    expect(discovered.grant_types_supported).toEqual(
      expect.arrayContaining(['authorization_code', 'refresh_token']),
    );
    expect(discovered.token_endpoint_auth_methods_supported).toEqual(
      expect.arrayContaining(['client_secret_basic', 'client_secret_post']),
    );
  });

  test('Notion: the consent page, a code with state and iss, the exchange and the account', async () => {
    const server = await start();
    const flow = await beginFlow(server, 'notion', notionOptions(server));

    const page = await openConsentPage(flow.authorizationUrl);
    expect(page.html).toContain(
      '<h1 id="consent-title">Pipeline Connect wants to access your Notion account</h1>',
    );
    expect(page.html).toContain('Signed in as <strong>Ada&#39;s Workspace</strong>');
    expect(page.html).toContain('<code>pipeline-connect-platform-notion</code>');
    expect(page.html).toContain('Read content in the pages and databases you share with it');
    expect(page.html).toMatch(/<ul aria-labelledby="consent-scopes-title">/);
    // Notion grants all or nothing: no scope to untick.
    expect(page.html).not.toContain('type="checkbox"');
    expect(page.html).toMatch(/<button type="submit" name="decision" value="allow">Allow Access/);
    expect(page.html).toMatch(/<button type="submit" name="decision" value="cancel">Cancel/);
    expect(page.html).not.toMatch(/<script/i);

    const callback = await page.submit('allow');
    expect(`${callback.origin}${callback.pathname}`).toBe(REDIRECT_URI);
    expect(callback.searchParams.get('state')).toBe(flow.state);
    expect(callback.searchParams.get('iss')).toBe(`${server.origin}/notion`);
    expect(callback.searchParams.get('code')).toBeTruthy();

    const tokens = await exchange(flow, callback);
    expect(tokens).toMatchObject({ token_type: 'bearer', scope: 'read_content', expires_in: 3600 });
    expect(tokens.refresh_token).toEqual(expect.any(String));
    expect(await readAccount(flow, tokens.access_token)).toEqual({
      sub: 'notion-ada',
      name: "Ada's Workspace",
    });
  });

  test('the account endpoint wants a live access token of its own provider', async () => {
    const server = await start();
    const { tokens } = await connect(server, 'notion', notionOptions(server));
    const me = server.providerEndpoints('notion').userinfoEndpoint;

    const anonymous = await fetch(me);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer');
    const forged = await fetch(me, { headers: { authorization: 'Bearer not-a-token' } });
    expect(forged.status).toBe(401);
    expect(forged.headers.get('www-authenticate')).toContain('error="invalid_token"');
    // Every simulated provider has its own tokens: Notion's mean nothing to Google Drive.
    const elsewhere = await fetch(server.providerEndpoints('google-drive').userinfoEndpoint, {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    expect(elsewhere.status).toBe(401);
  });

  test('Google Drive: access tokens expire as configured, and a refresh rotates the refresh token', async () => {
    const server = await start({ accessTokenTtlSeconds: 60 });
    const { flow, tokens } = await connect(server, 'google-drive', googleDriveOptions(server));
    expect(tokens.expires_in).toBe(60);
    expect(tokens.scope?.split(' ').sort()).toEqual([...googleDriveScopes].sort());
    expect(await readAccount(flow, tokens.access_token)).toEqual({
      sub: 'google-drive-ada',
      name: 'Ada Lovelace',
      email: 'ada@example.com',
    });

    // oidc-provider reads the time from Date.now(), so a fake Date ages its tokens.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 5 * 60_000);
    expect(await accountStatus(flow, tokens.access_token)).toBe(401);

    const refreshed = await refresh(flow, tokens.refresh_token!);
    expect(refreshed.expires_in).toBe(60);
    expect(refreshed.refresh_token).toEqual(expect.any(String));
    expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);
    expect(await accountStatus(flow, refreshed.access_token)).toBe(200);

    // The rotated-out refresh token is refused…
    await expect(refresh(flow, tokens.refresh_token!)).rejects.toMatchObject({
      error: 'invalid_grant',
    });
    // …and, as a replay, it revokes the grant: its successor and access token die with it.
    await expect(refresh(flow, refreshed.refresh_token!)).rejects.toMatchObject({
      error: 'invalid_grant',
    });
    expect(await accountStatus(flow, refreshed.access_token)).toBe(401);
  });

  test('Google Drive: each scope is a labelled checkbox, and the token response names only the ticked ones', async () => {
    const server = await start();
    const flow = await beginFlow(server, 'google-drive', googleDriveOptions(server));
    const page = await openConsentPage(flow.authorizationUrl);
    expect(page.html).toMatch(/<ul aria-labelledby="consent-scopes-title">/);
    expect(page.html).toContain(
      '<label><input type="checkbox" name="scope" value="https://www.googleapis.com/auth/drive.readonly" checked> See and download all your Google Drive files</label>',
    );
    expect(page.html.match(/<input type="checkbox" name="scope"/g)).toHaveLength(3);
    // The checkboxes are the form's: a browser posts them with the decision.
    const form = page.html.slice(page.html.indexOf('<form'), page.html.indexOf('</form>'));
    expect(form.match(/type="checkbox"/g)).toHaveLength(3);

    const tokens = await exchange(flow, await page.submit('allow', ['profile', 'email']));
    expect(tokens.scope?.split(' ').sort()).toEqual(['email', 'profile']);
    expect(tokens.refresh_token).toEqual(expect.any(String));
    // A refresh never widens the grant.
    const refreshed = await refresh(flow, tokens.refresh_token!);
    expect(refreshed.scope?.split(' ').sort()).toEqual(['email', 'profile']);
  });

  test('a hand-made consent post grants nothing that was not requested', async () => {
    const server = await start();
    const flow = await beginFlow(server, 'google-drive', googleDriveOptions(server));
    const page = await openConsentPage(flow.authorizationUrl);
    const posted = new URLSearchParams([
      ['decision', 'allow'],
      ['scope', 'email'],
      // Known to Google Drive's stand-in, but not asked for; and one it does not know.
      ['scope', 'openid'],
      ['scope', 'https://www.googleapis.com/auth/drive'],
    ]);
    const tokens = await exchange(flow, await page.post(posted));
    expect(tokens.scope).toBe('email');
    expect(tokens.id_token).toBeUndefined();
  });

  test('Allow Access with nothing ticked sends the browser back with access_denied', async () => {
    const server = await start();
    const flow = await beginFlow(server, 'google-drive', googleDriveOptions(server));
    const callback = await giveConsent(flow.authorizationUrl, { decision: 'allow', grant: [] });
    expect(callback.searchParams.get('error')).toBe('access_denied');
    expect(callback.searchParams.get('code')).toBeNull();
    expect(callback.searchParams.get('state')).toBe(flow.state);
    expect(callback.searchParams.get('iss')).toBe(flow.endpoints.issuer);
  });

  test('OneDrive: without offline_access granted, no refresh token is issued', async () => {
    const server = await start();
    server.registerClient({
      providerId: 'onedrive',
      clientId: 'contoso-app',
      clientSecret: 'contoso-secret',
      redirectUris: [REDIRECT_URI],
    });
    const flow = await beginFlow(server, 'onedrive', {
      clientId: 'contoso-app',
      clientSecret: 'contoso-secret',
      scopes: ['Files.Read.All', 'User.Read', 'offline_access'],
    });
    const callback = await giveConsent(flow.authorizationUrl, {
      decision: 'allow',
      grant: ['Files.Read.All', 'User.Read'],
    });
    const tokens = await exchange(flow, callback);
    expect(tokens.scope?.split(' ')).toEqual(['Files.Read.All', 'User.Read']);
    expect(tokens.refresh_token).toBeUndefined();
    expect(await accountStatus(flow, tokens.access_token)).toBe(200);
  });

  test('the granular consent page escapes hostile scope names and client ids', () => {
    const html = renderConsentPage({
      appName: 'Pipeline Connect',
      providerName: 'Google Drive',
      clientId: '<img src=x>',
      isPlatformClient: false,
      account: 'ada@example.com',
      scopes: ['"><script>alert(1)</script>', "x' onfocus='alert(1)"],
      granular: true,
      formAction: '/google-drive/interaction/abc',
    });
    expect(html).not.toMatch(/<script|<img|onfocus='/i);
    expect(html).toContain(
      '<input type="checkbox" name="scope" value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;" checked> &quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</label>',
    );
    expect(html).toContain('value="x&#39; onfocus=&#39;alert(1)"');
  });

  test('revoking the refresh token (RFC 7009) ends the grant', async () => {
    const server = await start();
    const { flow, tokens } = await connect(server, 'google-drive', googleDriveOptions(server));
    expect(await accountStatus(flow, tokens.access_token)).toBe(200);

    const response = await oauth.revocationRequest(
      flow.as,
      flow.client,
      flow.authentication,
      tokens.refresh_token!,
      insecure,
    );
    await expect(oauth.processRevocationResponse(response)).resolves.toBeUndefined();

    await expect(refresh(flow, tokens.refresh_token!)).rejects.toMatchObject({
      error: 'invalid_grant',
    });
    expect(await accountStatus(flow, tokens.access_token)).toBe(401);
  });

  test('the account page lists the apps with access, and Remove access ends their grants', async () => {
    const server = await start();
    const first = await connect(server, 'google-drive', googleDriveOptions(server));
    const second = await connect(server, 'google-drive', googleDriveOptions(server));
    const page = `${server.origin}/google-drive/account`;
    const clientId = server.platformClients['google-drive'].clientId;

    const listed = await (await fetch(page)).text();
    expect(listed).toContain('Signed in as <strong>ada@example.com</strong>');
    expect(listed).toContain(`data-client="${clientId}"`);
    expect(listed).toContain('2 grants');

    // Another site's form is refused, and nothing is removed.
    const crossSite = await fetch(page, {
      method: 'POST',
      headers: {
        'sec-fetch-site': 'cross-site',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ client_id: clientId }),
    });
    expect(crossSite.status).toBe(400);
    const forged = await fetch(page, {
      method: 'POST',
      headers: {
        origin: 'https://evil.example',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ client_id: clientId }),
    });
    expect(forged.status).toBe(400);
    expect(await accountStatus(first.flow, first.tokens.access_token)).toBe(200);

    const removed = await fetch(page, {
      method: 'POST',
      headers: { origin: server.origin, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: clientId }),
      redirect: 'manual',
    });
    expect(removed.status).toBe(303);
    const after = await (
      await fetch(new URL(removed.headers.get('location')!, server.origin))
    ).text();
    expect(after).toContain('data-testid="access-removed"');
    expect(after).toContain('No app has access to your account.');

    for (const { flow, tokens } of [first, second]) {
      expect(await accountStatus(flow, tokens.access_token)).toBe(401);
      await expect(refresh(flow, tokens.refresh_token!)).rejects.toMatchObject({
        error: 'invalid_grant',
      });
    }
  });

  test('a wrong code verifier is refused', async () => {
    const server = await start();
    const flow = await beginFlow(server, 'notion', notionOptions(server));
    const callback = await giveConsent(flow.authorizationUrl, { decision: 'allow' });
    await expect(
      exchange(flow, callback, oauth.generateRandomCodeVerifier()),
    ).rejects.toMatchObject({ error: 'invalid_grant' });
  });

  test('a replayed code is refused, and what it issued is revoked', async () => {
    const server = await start();
    const { flow, callback, tokens } = await connect(server, 'notion', notionOptions(server));
    await expect(exchange(flow, callback)).rejects.toMatchObject({ error: 'invalid_grant' });
    expect(await accountStatus(flow, tokens.access_token)).toBe(401);
    await expect(refresh(flow, tokens.refresh_token!)).rejects.toMatchObject({
      error: 'invalid_grant',
    });
  });

  test('Cancel sends the browser back with access_denied', async () => {
    const server = await start();
    const flow = await beginFlow(server, 'google-drive', googleDriveOptions(server));
    const callback = await giveConsent(flow.authorizationUrl, { decision: 'cancel' });
    expect(`${callback.origin}${callback.pathname}`).toBe(REDIRECT_URI);
    expect(callback.searchParams.get('error')).toBe('access_denied');
    expect(callback.searchParams.get('state')).toBe(flow.state);
    expect(callback.searchParams.get('code')).toBeNull();
    expect(callback.searchParams.get('iss')).toBe(flow.endpoints.issuer);
    expect(() => oauth.validateAuthResponse(flow.as, flow.client, callback, flow.state)).toThrow(
      expect.objectContaining({ error: 'access_denied' }),
    );
  });

  test('Dropbox: a custom client registered with registerClient works, and the page names it', async () => {
    const server = await start();
    const custom = {
      clientId: 'ada-dropbox-app',
      clientSecret: 'dropbox-app-secret',
      scopes: ['files.metadata.read', 'files.content.read', 'account_info.read'],
    };
    // Dropbox has no platform client: nothing answers to a client before it is registered.
    await expect(
      giveConsent((await beginFlow(server, 'dropbox', custom)).authorizationUrl, {
        decision: 'allow',
      }),
    ).rejects.toThrow(/invalid_client/);

    server.registerClient({
      providerId: 'dropbox',
      clientId: custom.clientId,
      clientSecret: custom.clientSecret,
      redirectUris: [REDIRECT_URI],
    });
    const flow = await beginFlow(server, 'dropbox', { ...custom, authentication: 'post' });
    const page = await openConsentPage(flow.authorizationUrl);
    expect(page.html).toContain(
      '<dd data-testid="consent-client"><code>ada-dropbox-app</code></dd>',
    );
    expect(page.html).toContain('Signed in as <strong>ada.lovelace@example.com</strong>');
    expect(page.html).toContain('wants to access your Dropbox account');
    for (const words of [
      'View information about your Dropbox files and folders',
      'View content of your Dropbox files and folders',
      'View basic information about your Dropbox account, such as your username, email and country',
    ]) {
      expect(page.html).toContain(words);
    }

    const tokens = await exchange(flow, await page.submit('allow'));
    expect(tokens.scope?.split(' ')).toEqual(custom.scopes);
    expect(await readAccount(flow, tokens.access_token)).toMatchObject({
      email: 'ada.lovelace@example.com',
    });

    const wrongSecret = { ...flow, authentication: oauth.ClientSecretPost('not-the-secret') };
    await expect(refresh(wrongSecret, tokens.refresh_token!)).rejects.toMatchObject({
      error: 'invalid_client',
    });
  });

  test('OneDrive: a custom client id is escaped on the page, offline_access is granted, a new secret replaces the old', async () => {
    const server = await start();
    const clientId = `contoso-<b>"&'app`;
    server.registerClient({
      providerId: 'onedrive',
      clientId,
      clientSecret: 'first-secret',
      redirectUris: [REDIRECT_URI],
    });
    const scopes = ['Files.Read.All', 'User.Read', 'offline_access'];
    const flow = await beginFlow(server, 'onedrive', {
      clientId,
      clientSecret: 'first-secret',
      scopes,
      authentication: 'post',
    });
    const page = await openConsentPage(flow.authorizationUrl);
    expect(page.html).toContain('<code>contoso-&lt;b&gt;&quot;&amp;&#39;app</code>');
    expect(page.html).not.toContain('<b>');
    expect(page.html).toContain('Signed in as <strong>ada@contoso.example</strong>');
    expect(page.html).toContain('Maintain access to data you have given it access to');

    const tokens = await exchange(flow, await page.submit('allow'));
    expect(tokens.scope?.split(' ')).toEqual(scopes);
    expect(await readAccount(flow, tokens.access_token)).toMatchObject({
      email: 'ada@contoso.example',
    });

    server.registerClient({
      providerId: 'onedrive',
      clientId,
      clientSecret: 'second-secret',
      redirectUris: [REDIRECT_URI],
    });
    const withOldSecret = { ...flow, authentication: oauth.ClientSecretPost('first-secret') };
    await expect(refresh(withOldSecret, tokens.refresh_token!)).rejects.toMatchObject({
      error: 'invalid_client',
    });
    const withNewSecret = { ...flow, authentication: oauth.ClientSecretPost('second-secret') };
    await expect(refresh(withNewSecret, tokens.refresh_token!)).resolves.toMatchObject({
      token_type: 'bearer',
    });
  });

  test('an unknown client is refused on the page, never redirected', async () => {
    const server = await start();
    const flow = await beginFlow(server, 'notion', {
      ...notionOptions(server),
      clientId: 'nobody',
    });
    const response = await fetch(flow.authorizationUrl, {
      redirect: 'manual',
      headers: { accept: 'text/html' },
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    const html = await response.text();
    expect(html).toContain('<h1 id="error-title">invalid_client</h1>');
    expect(html).not.toContain(REDIRECT_URI);
  });

  test('a redirect URI that is not registered is refused, never redirected to', async () => {
    const server = await start();
    const elsewhere = 'http://127.0.0.1:5173/somewhere-else';
    const flow = await beginFlow(server, 'notion', {
      ...notionOptions(server),
      redirectUri: elsewhere,
    });
    const response = await fetch(flow.authorizationUrl, {
      redirect: 'manual',
      headers: { accept: 'text/html' },
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    expect(await response.text()).toMatch(/redirect_uri did not match/);
  });

  test('PKCE is required, with S256 only', async () => {
    const server = await start();
    const flow = await beginFlow(server, 'notion', notionOptions(server));

    const withoutPkce = new URL(flow.authorizationUrl);
    withoutPkce.searchParams.delete('code_challenge');
    withoutPkce.searchParams.delete('code_challenge_method');
    const refused = await giveConsent(withoutPkce, { decision: 'allow' });
    expect(refused.searchParams.get('error')).toBe('invalid_request');
    expect(refused.searchParams.get('error_description')).toMatch(/PKCE/);

    const plain = new URL(flow.authorizationUrl);
    plain.searchParams.set('code_challenge', flow.verifier);
    plain.searchParams.set('code_challenge_method', 'plain');
    const refusedPlain = await giveConsent(plain, { decision: 'allow' });
    expect(refusedPlain.searchParams.get('error')).toBe('invalid_request');
  });

  test('a scope the provider does not know is refused with invalid_scope', async () => {
    const server = await start();
    const flow = await beginFlow(server, 'notion', {
      ...notionOptions(server),
      scopes: ['read_content', 'update_content'],
    });
    const refused = await giveConsent(flow.authorizationUrl, { decision: 'allow' });
    expect(refused.searchParams.get('error')).toBe('invalid_scope');
    expect(refused.searchParams.get('error_description')).toContain('update_content');
    expect(refused.searchParams.get('state')).toBe(flow.state);
    expect(refused.searchParams.get('iss')).toBe(flow.endpoints.issuer);

    const noScope = new URL(flow.authorizationUrl);
    noScope.searchParams.delete('scope');
    const refusedEmpty = await giveConsent(noScope, { decision: 'allow' });
    expect(refusedEmpty.searchParams.get('error')).toBe('invalid_scope');

    // The checks hold for the one method authorization requests are taken by.
    const posted = await fetch(flow.endpoints.authorizationEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: flow.authorizationUrl.searchParams.toString(),
    });
    expect(posted.status).toBe(405);
  });

  test('registerClient refuses what could not work', async () => {
    const server = await start();
    const valid = {
      providerId: 'dropbox',
      clientId: 'app',
      clientSecret: 'secret',
      redirectUris: [REDIRECT_URI],
    };
    expect(() => server.registerClient({ ...valid, providerId: 'jina-reader' })).toThrow(TypeError);
    expect(() => server.registerClient({ ...valid, clientSecret: '' })).toThrow(TypeError);
    expect(() => server.registerClient({ ...valid, redirectUris: [] })).toThrow(TypeError);
    expect(() =>
      server.registerClient({ ...valid, redirectUris: [`${REDIRECT_URI}#fragment`] }),
    ).toThrow(TypeError);
    expect(() =>
      server.registerClient({ ...valid, redirectUris: ['javascript:alert(1)'] }),
    ).toThrow(TypeError);
    expect(() =>
      server.registerClient({
        ...valid,
        providerId: 'notion',
        clientId: server.platformClients.notion.clientId,
      }),
    ).toThrow(TypeError);
    expect(() => server.registerClient(valid)).not.toThrow();
  });

  test('its callback mounts under a path of another Node server', async () => {
    const host = createServer((req, res) => {
      if (req.url?.startsWith('/stand-in/')) standIn.callback(req, res);
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
    const standIn = await createStandInAuthorizationServer({
      issuer: `${origin}/stand-in/`,
      redirectUris: [REDIRECT_URI],
    });
    try {
      expect(standIn.issuer).toBe(`${origin}/stand-in`);
      const flow = await beginFlow(standIn, 'notion', notionOptions(standIn));
      expect(flow.endpoints.tokenEndpoint).toBe(`${origin}/stand-in/notion/token`);
      const page = await openConsentPage(flow.authorizationUrl);
      expect(page.url.pathname).toMatch(/^\/stand-in\/notion\/interaction\//);
      const callback = await page.submit('allow');
      expect(callback.searchParams.get('iss')).toBe(`${origin}/stand-in/notion`);
      await expect(exchange(flow, callback)).resolves.toMatchObject({ scope: 'read_content' });
    } finally {
      await standIn.close();
      await new Promise<void>((resolve) => {
        host.close(() => resolve());
        host.closeAllConnections();
      });
    }
  });

  test('refuses to run with NODE_ENV=production', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    await expect(start()).rejects.toThrow(/production/);
    await expect(
      createStandInAuthorizationServer({
        issuer: 'http://127.0.0.1:1',
        redirectUris: [REDIRECT_URI],
      }),
    ).rejects.toThrow(/production/);
  });
});
