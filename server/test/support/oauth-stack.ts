/**
 * A server wired to the stand-in authorization server (oidc-provider on loopback), as the dev
 * stack wires it: the guarded outbound fetch allowlists exactly the stand-in's host:port. Calls
 * keep the cookies the server sets, as the browser does between starting a flow and completing it.
 */
import { afterAll } from 'vitest';
import {
  startStandInAuthorizationServer,
  type RunningStandInAuthorizationServer,
} from '../../src/dev/stand-in-authorization-server';
import type { CredentialsServerOptions } from '../../src/create-credentials-server';
import { standInOAuthDirectory } from '../../src/providers/oauth-directory';
import { createOutboundFetch, type OutboundFetch } from '../../src/providers/outbound-fetch';
import { giveConsent, type ConsentOptions } from './consent';
import { startTestServer } from './test-server';

export const REDIRECT_URI = 'http://localhost/oauth-callback.html';

let authorization: Promise<RunningStandInAuthorizationServer> | null = null;
const closers: (() => Promise<void>)[] = [];

afterAll(async () => {
  for (const close of closers.splice(0)) await close();
  if (authorization) await (await authorization).close();
  authorization = null;
});

/** The worker's stand-in authorization server (started once). */
export function standInAuthorization(): Promise<RunningStandInAuthorizationServer> {
  authorization ??= startStandInAuthorizationServer({
    redirectUris: [REDIRECT_URI],
    accessTokenTtlSeconds: 60,
  });
  return authorization;
}

/** The `oauth` option that wires a server to the stand-in, as the dev stack does. */
export function standInOAuth(
  as: RunningStandInAuthorizationServer,
  fetch: OutboundFetch,
): NonNullable<CredentialsServerOptions['oauth']> {
  return {
    directory: standInOAuthDirectory((id) => as.providerEndpoints(id)),
    fetch,
    platformClients: as.platformClients,
    allowInsecureProviders: true,
    announceClient: (providerId, client, redirectUri) => {
      if (client.clientSecret === null) return;
      as.registerClient({
        providerId,
        clientId: client.clientId,
        clientSecret: client.clientSecret,
        redirectUris: [redirectUri],
      });
    },
  };
}

/** The worker's guarded outbound fetch to the stand-in (closed after the file's tests). */
export async function standInOutboundFetch(): Promise<OutboundFetch> {
  const as = await standInAuthorization();
  const outbound = createOutboundFetch({ allowedHosts: [as.hostPort] });
  closers.push(() => outbound.close());
  return outbound;
}

/**
 * A server with a real OAuth client over the stand-in, and a browser-like cookie jar.
 * `wrapFetch` sees (and may alter) every request the server sends to the stand-in.
 */
export async function startOAuthServer(
  options: Partial<CredentialsServerOptions> = {},
  { wrapFetch = (fetch) => fetch }: { wrapFetch?: (fetch: OutboundFetch) => OutboundFetch } = {},
) {
  const as = await standInAuthorization();
  const server = await startTestServer({
    oauth: standInOAuth(as, wrapFetch(await standInOutboundFetch())),
    ...options,
  });
  return { server, as, browser: cookieBrowser(server) };
}

/**
 * Connects (or re-authorizes) an OAuth credential through the whole flow, Allow Access given —
 * with only `grant` left ticked on a granular consent page, when given.
 */
export async function connectOAuth(
  browser: ReturnType<typeof cookieBrowser>,
  providerId: string,
  body: Record<string, unknown> = {},
  { grant }: Pick<ConsentOptions, 'grant'> = {},
): Promise<string> {
  const start = await browser.call('POST', `/providers/${providerId}/oauth/flows`, body);
  if (start.status !== 201) throw new Error(`The flow did not start: ${start.text}`);
  const redirect = await giveConsent(String(start.json?.authorizationUrl), {
    decision: 'allow',
    grant,
  });
  const done = await browser.call('POST', '/oauth/callback', callbackInput(redirect));
  if (done.json?.status !== 'succeeded') throw new Error(`The flow did not succeed: ${done.text}`);
  return String(done.json.credentialId);
}

/**
 * JSON calls to the server that keep its cookies, like one browser. Pass another browser's `jar`
 * to be that browser talking to another instance (behind a load balancer).
 */
export function cookieBrowser(
  server: { fetch(request: Request): Promise<Response> },
  jar = new Map<string, string>(),
) {
  return {
    jar,
    async call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
      const cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
      const response = await server.fetch(
        new Request(`http://localhost/api${path}`, {
          method,
          body: body === undefined ? undefined : JSON.stringify(body),
          headers: {
            'content-type': 'application/json',
            ...(cookie ? { cookie } : {}),
            ...headers,
          },
        }),
      );
      const setCookie = response.headers.get('set-cookie');
      if (setCookie) {
        const [pair] = setCookie.split(';');
        const [name, ...value] = (pair ?? '').split('=');
        if (name) jar.set(name.trim(), value.join('='));
      }
      const text = await response.text();
      return {
        status: response.status,
        headers: response.headers,
        text,
        json: (text === '' ? null : JSON.parse(text)) as Record<string, unknown> | null,
      };
    },
  };
}

/** The redirect's parameters as the completion page forwards them. */
export function callbackInput(redirect: URL): Record<string, string> {
  const input: Record<string, string> = {};
  for (const name of ['state', 'code', 'error', 'iss']) {
    const value = redirect.searchParams.get(name);
    if (value !== null) input[name] = value;
  }
  return input;
}
