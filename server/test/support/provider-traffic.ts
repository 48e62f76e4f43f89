/**
 * Watches (and, when a test asks, disturbs) what the server sends to the stand-in authorization
 * server: it wraps the guarded outbound fetch, counts the token endpoint's refresh grants and the
 * revocation endpoint's requests, answers some of them with a failure, or holds them until a test
 * lets them go. Counting here is counting at the stand-in: every request the server makes to a
 * provider goes through this one fetch.
 */
import type { OutboundFetch } from '../../src/providers/outbound-fetch';

export type ProviderCall = 'refresh' | 'revoke';

interface Disturbance {
  /** How many more calls of the kind fail. */
  failures: number;
  /** Answer of a failed call: a 503 from the provider, or a network error. */
  as: 'unavailable' | 'network';
}

export interface ProviderTraffic {
  fetch: OutboundFetch;
  /** Calls of the kind that reached the stand-in (failed ones not included). */
  count(kind: ProviderCall): number;
  /** Calls of the kind the server attempted (failed ones included). */
  attempts(kind: ProviderCall): number;
  /** Fails the next `failures` calls of the kind. */
  fail(kind: ProviderCall, failures: number, as?: Disturbance['as']): void;
  /** Holds calls of the kind until the returned function is called. */
  hold(kind: ProviderCall): () => void;
  /** Resolves once a call of the kind is being held. */
  held(kind: ProviderCall): Promise<void>;
}

export function providerTraffic(inner: OutboundFetch): ProviderTraffic {
  const counts: Record<ProviderCall, number> = { refresh: 0, revoke: 0 };
  const tries: Record<ProviderCall, number> = { refresh: 0, revoke: 0 };
  const disturbances: Partial<Record<ProviderCall, Disturbance>> = {};
  const gates: Partial<Record<ProviderCall, { open: Promise<void>; reached: () => void }>> = {};
  const reached: Partial<Record<ProviderCall, Promise<void>>> = {};

  const kindOf = (url: string, body: string | undefined): ProviderCall | null => {
    const path = new URL(url).pathname;
    if (path.endsWith('/token') && new URLSearchParams(body).get('grant_type') === 'refresh_token')
      return 'refresh';
    if (path.endsWith('/revoke')) return 'revoke';
    return null;
  };

  const fetch: OutboundFetch = async (url, init) => {
    const kind = kindOf(String(url), init?.body);
    if (kind === null) return inner(url, init);
    tries[kind] += 1;
    const gate = gates[kind];
    if (gate) {
      gate.reached();
      await gate.open;
    }
    const disturbance = disturbances[kind];
    if (disturbance && disturbance.failures > 0) {
      disturbance.failures -= 1;
      if (disturbance.as === 'network') throw new TypeError('fetch failed (simulated)');
      return Response.json(
        { error: 'temporarily_unavailable', error_description: 'Simulated outage.' },
        { status: 503 },
      );
    }
    counts[kind] += 1;
    return inner(url, init);
  };

  return {
    fetch,
    count: (kind) => counts[kind],
    attempts: (kind) => tries[kind],
    fail(kind, failures, as = 'unavailable') {
      disturbances[kind] = { failures, as };
    },
    hold(kind) {
      let release = () => {};
      let signal = () => {};
      reached[kind] = new Promise<void>((resolve) => (signal = resolve));
      gates[kind] = {
        open: new Promise<void>((resolve) => (release = resolve)),
        reached: () => signal(),
      };
      return () => {
        delete gates[kind];
        release();
      };
    },
    held: (kind) => reached[kind] ?? Promise.reject(new Error(`${kind} calls are not held.`)),
  };
}
