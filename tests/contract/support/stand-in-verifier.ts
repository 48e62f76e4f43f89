/**
 * The server target verifies API keys as a deployment does — the real verifiers through the SSRF
 * guard — against the stand-in provider APIs on a loopback port, the only host allowlisted.
 */
import { afterAll } from 'vitest';
import {
  startStandInProviderApis,
  type StandInProviderServer,
} from '../../../server/src/dev/stand-in-provider-server';
import type { ApiKeyVerifier } from '../../../server/src/domain/verification';
import { createOutboundFetch } from '../../../server/src/providers/outbound-fetch';
import { createProviderRegistry } from '../../../server/src/providers/registry';

let standIns: Promise<StandInProviderServer> | null = null;
let closeOutbound: (() => Promise<void>) | null = null;

afterAll(async () => {
  await closeOutbound?.();
  if (standIns) await (await standIns).close();
  standIns = null;
});

/** A verifier over the worker's stand-in provider APIs (started once per worker). */
export async function createStandInVerifier(): Promise<ApiKeyVerifier> {
  standIns ??= startStandInProviderApis({ hangMs: 2_000 });
  const server = await standIns;
  const outbound = createOutboundFetch({ allowedHosts: [server.hostPort], timeoutMs: 1_000 });
  const previous = closeOutbound;
  closeOutbound = async () => {
    await previous?.();
    await outbound.close();
  };
  return createProviderRegistry({ fetch: outbound, endpoints: server.endpoints });
}
