/**
 * Serves the stand-in provider APIs on loopback for the dev stack and tests, and says what to
 * configure: the registry's endpoints and the one host:port to allowlist in the outbound fetch.
 */
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { ProviderEndpoints } from '../providers/registry.ts';
import {
  createStandInProviderApis,
  type StandInProviderApisOptions,
} from './stand-in-provider-apis.ts';

/** A running stand-in server. */
export interface StandInProviderServer {
  /** E.g. `http://127.0.0.1:54321`. */
  origin: string;
  /** The exact `host:port` to pass to `createOutboundFetch({ allowedHosts })`. */
  hostPort: string;
  /** The registry's endpoints pointing at this server. */
  endpoints: ProviderEndpoints;
  /** Stops listening and ends open connections (a hanging request included). */
  close(): Promise<void>;
}

/** Options of {@link startStandInProviderApis}. */
export interface StartStandInProviderApisOptions extends StandInProviderApisOptions {
  /** The port on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number;
}

/** Starts the stand-in provider APIs on 127.0.0.1 (never on another interface). */
export async function startStandInProviderApis(
  options: StartStandInProviderApisOptions = {},
): Promise<StandInProviderServer> {
  const app = createStandInProviderApis(options);
  const server = await new Promise<ServerType>((resolve, reject) => {
    const started = serve(
      { fetch: app.fetch, hostname: '127.0.0.1', port: options.port ?? 0 },
      () => resolve(started),
    );
    started.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    hostPort: `127.0.0.1:${port}`,
    endpoints: {
      notion: `${origin}/notion`,
      firecrawl: `${origin}/firecrawl`,
      'jina-reader': `${origin}/jina`,
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // A simulated hang holds its connection open; end it rather than wait for it.
        if ('closeAllConnections' in server) server.closeAllConnections();
      }),
  };
}
