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
import { createOutboundFetch } from '../../src/providers/outbound-fetch';
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

/** A server with a real OAuth client over the stand-in, and a browser-like cookie jar. */
export async function startOAuthServer(options: Partial<CredentialsServerOptions> = {}) {
  const as = await standInAuthorization();
  const outbound = createOutboundFetch({ allowedHosts: [as.hostPort] });
  closers.push(() => outbound.close());
  const server = await startTestServer({
    oauth: {
      directory: standInOAuthDirectory((id) => as.providerEndpoints(id)),
      fetch: outbound,
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
    },
    ...options,
  });
  return { server, as, browser: cookieBrowser(server) };
}

/** JSON calls to the server that keep its cookies, like one browser. */
export function cookieBrowser(server: { fetch(request: Request): Promise<Response> }) {
  const jar = new Map<string, string>();
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
