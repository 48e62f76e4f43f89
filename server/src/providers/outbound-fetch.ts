/**
 * The only way the server talks to providers: a fetch-like function behind an SSRF guard.
 *
 * - Only `https:`; plain `http:` only for the exact host:port entries of `allowedHosts` (the
 *   loopback stand-ins in development and tests). Allowlisted entries also skip the address check.
 * - IP literals in the URL are checked before anything is sent; host names are resolved at
 *   connect time by the connector of an undici `Agent`, and the connection is refused unless every
 *   address the name resolves to is public. Checking the addresses the socket will really use
 *   (not an earlier, separate lookup) is what defeats DNS rebinding.
 * - Redirects are never followed: any 3xx is an error, so a provider cannot bounce us elsewhere.
 * - Timeouts for connecting, for the response headers and for the whole exchange, and a cap on
 *   the (decoded) response body enforced while reading it.
 *
 * The response is buffered (at most the cap) and returned as a standard `Response`.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP, type LookupFunction } from 'node:net';
import { Agent, buildConnector, fetch as undiciFetch } from 'undici';
import { blockedAddressReason } from './address-policy.ts';
import { OutboundRequestError } from './outbound-request-error.ts';

/** One address a host name resolves to. */
export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Resolves a host name to all of its addresses (the system resolver by default). */
export type HostLookup = (hostname: string) => Promise<readonly ResolvedAddress[]>;

/** Options of {@link createOutboundFetch}. */
export interface OutboundFetchOptions {
  /**
   * Exact `host:port` entries (e.g. `127.0.0.1:54321`, `[::1]:8080`, `localhost:3001`) that may
   * be reached over plain `http:` and are exempt from the address check. A port is required and
   * there are no wildcards: allowlisting one stand-in never opens all of loopback.
   */
  allowedHosts?: readonly string[];
  /** How host names are resolved at connect time; tests inject one to resolve without a network. */
  lookup?: HostLookup;
  /** Milliseconds to establish the connection (TCP and TLS). Default 5,000. */
  connectTimeoutMs?: number;
  /** Milliseconds to wait for the response headers, and between body chunks. Default 10,000. */
  headersTimeoutMs?: number;
  /** Milliseconds for the whole exchange, reading the body included. Default 15,000. */
  timeoutMs?: number;
  /** The largest response body accepted, in bytes, after decompression. Default 1 MiB. */
  maxResponseBytes?: number;
}

/** What a provider request may carry. Bodies are strings: providers are called with JSON. */
export interface OutboundRequestInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Aborting it aborts the request; the fetch then rejects with the signal's reason. */
  signal?: AbortSignal;
}

/**
 * A fetch-like function for provider calls. It resolves with a buffered `Response` of a status
 * other than 3xx, and rejects with an {@link OutboundRequestError} (or the caller's abort reason).
 */
export type OutboundFetch = (url: string | URL, init?: OutboundRequestInit) => Promise<Response>;

/** The guarded fetch, with `close()` to release its connections (at shutdown, after tests). */
export interface GuardedOutboundFetch extends OutboundFetch {
  close(): Promise<void>;
}

const defaults = {
  connectTimeoutMs: 5_000,
  headersTimeoutMs: 10_000,
  timeoutMs: 15_000,
  maxResponseBytes: 1024 * 1024,
};

const systemLookup: HostLookup = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

const defaultPorts: Record<string, string> = { 'http:': '80', 'https:': '443' };

/** `host:port` as both the allowlist and the connector spell it: lowercase, IPv6 in brackets. */
function hostKey(hostname: string, port: string, protocol: string): string {
  const host = hostname.toLowerCase();
  const bracketed = isIP(host) === 6 ? `[${host}]` : host;
  return `${bracketed}:${port === '' ? (defaultPorts[protocol] ?? '') : port}`;
}

function parseAllowedHost(entry: string): string {
  const match = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/.exec(entry);
  const port = Number(match?.[2]);
  if (!match?.[1] || !Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new TypeError(
      `allowedHosts entries are exact host:port pairs (such as 127.0.0.1:54321); got "${entry}".`,
    );
  }
  // The URL parser gives the canonical spelling of the host (compressed IPv6, lowercase).
  const { hostname } = new URL(`http://${match[1]}`);
  return hostKey(hostname.replace(/^\[|\]$/g, ''), String(port), 'http:');
}

function blockedAddressError(host: string, why: string): OutboundRequestError {
  return new OutboundRequestError(
    'blocked_address',
    `Requests to ${host} are not allowed: it is, or resolves to, a non-public address (${why}).`,
  );
}

/**
 * A `lookup` for `net.connect` that resolves through `lookup`. With `check`, it is the
 * connect-time guard: the connection fails unless every address is public. Refusing when any
 * address is non-public (rather than dropping those) keeps a name that mixes public and private
 * answers from ever being used.
 */
function resolvingLookup(lookup: HostLookup, check = false): LookupFunction {
  return (hostname, options, callback) => {
    lookup(hostname).then(
      (resolved) => {
        const family = options.family === 4 || options.family === 6 ? options.family : 0;
        const addresses = resolved.filter((entry) => family === 0 || entry.family === family);
        const first = addresses[0];
        if (!first) {
          const error: NodeJS.ErrnoException = new Error(`No address found for ${hostname}.`);
          error.code = 'ENOTFOUND';
          callback(error, '', 0);
          return;
        }
        for (const entry of check ? addresses : []) {
          const why = blockedAddressReason(entry.address);
          if (why !== null) {
            callback(blockedAddressError(hostname, why), '', 0);
            return;
          }
        }
        if (options.all) {
          callback(
            null,
            addresses.map(({ address, family: entryFamily }) => ({ address, family: entryFamily })),
          );
        } else {
          callback(null, first.address, first.family);
        }
      },
      (error: unknown) =>
        callback(
          error instanceof Error ? error : new Error(`Could not resolve ${hostname}.`),
          '',
          0,
        ),
    );
  };
}

function findOutboundError(error: unknown): OutboundRequestError | null {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current instanceof Error; depth += 1) {
    if (current instanceof OutboundRequestError) return current;
    if (current instanceof AggregateError) {
      const inner = current.errors.map(findOutboundError).find((found) => found !== null);
      if (inner) return inner;
    }
    current = current.cause;
  }
  return null;
}

function errorCodes(error: unknown): string[] {
  const codes: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current instanceof Error; depth += 1) {
    const code = (current as NodeJS.ErrnoException).code;
    if (typeof code === 'string') codes.push(code);
    current = current.cause;
  }
  return codes;
}

const timeoutCodes = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ETIMEDOUT',
]);

/** Maps whatever undici threw to an {@link OutboundRequestError}, keeping it as the cause. */
function toOutboundError(error: unknown, host: string): OutboundRequestError {
  const found = findOutboundError(error);
  if (found) return found;
  const codes = errorCodes(error);
  if (codes.some((code) => timeoutCodes.has(code))) {
    return new OutboundRequestError('timeout', `${host} did not answer in time.`, {
      cause: error,
    });
  }
  if (codes.includes('UND_ERR_RES_EXCEEDED_MAX_SIZE')) {
    return new OutboundRequestError('too_large', `The response of ${host} is too large.`, {
      cause: error,
    });
  }
  return new OutboundRequestError('network', `${host} could not be reached.`, { cause: error });
}

async function readCapped(
  body: AsyncIterable<Uint8Array> | null,
  maxBytes: number,
  host: string,
): Promise<Uint8Array<ArrayBuffer>> {
  if (!body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  // Leaving the loop early (the throw) cancels the stream, so the rest is never downloaded.
  for await (const chunk of body) {
    total += chunk.byteLength;
    if (total > maxBytes) {
      throw new OutboundRequestError(
        'too_large',
        `The response of ${host} is larger than ${maxBytes} bytes.`,
      );
    }
    chunks.push(chunk);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

const nullBodyStatuses = new Set([101, 204, 205, 304]);

/**
 * Creates the guarded fetch for provider calls (see the module comment for what it enforces).
 * Throws a `TypeError` when an `allowedHosts` entry is not an exact host:port.
 */
export function createOutboundFetch(options: OutboundFetchOptions = {}): GuardedOutboundFetch {
  const settings = {
    connectTimeoutMs: options.connectTimeoutMs ?? defaults.connectTimeoutMs,
    headersTimeoutMs: options.headersTimeoutMs ?? defaults.headersTimeoutMs,
    timeoutMs: options.timeoutMs ?? defaults.timeoutMs,
    maxResponseBytes: options.maxResponseBytes ?? defaults.maxResponseBytes,
  };
  const allowed = new Set((options.allowedHosts ?? []).map(parseAllowedHost));
  const lookup = options.lookup ?? systemLookup;

  const guardedConnect = buildConnector({
    timeout: settings.connectTimeoutMs,
    lookup: resolvingLookup(lookup, true),
  });
  // Allowlisted hosts skip the address check but still resolve through `lookup`.
  const allowlistedConnect = buildConnector({
    timeout: settings.connectTimeoutMs,
    lookup: resolvingLookup(lookup),
  });

  const agent = new Agent({
    headersTimeout: settings.headersTimeoutMs,
    bodyTimeout: settings.headersTimeoutMs,
    maxResponseSize: settings.maxResponseBytes,
    // The checks are repeated here, where the socket is opened, so they hold for every
    // connection the agent makes, whatever code path asked for it.
    connect: (connectOptions, callback) => {
      const { hostname, port, protocol } = connectOptions;
      if (allowed.has(hostKey(hostname, port, protocol))) {
        allowlistedConnect(connectOptions, callback);
        return;
      }
      if (protocol !== 'https:') {
        callback(
          new OutboundRequestError('blocked_scheme', `Only https: may be used for ${hostname}.`),
          null,
        );
        return;
      }
      // net.connect skips the lookup for an IP literal, so the literal is checked here.
      if (isIP(hostname) !== 0) {
        const why = blockedAddressReason(hostname);
        if (why !== null) {
          callback(blockedAddressError(hostname, why), null);
          return;
        }
      }
      guardedConnect(connectOptions, callback);
    },
  });

  const outboundFetch: OutboundFetch = async (input, init = {}) => {
    let url: URL;
    try {
      url = new URL(input);
    } catch {
      throw new OutboundRequestError('invalid_url', 'The provider URL is not a valid URL.');
    }
    const host = url.host;
    if (url.username !== '' || url.password !== '') {
      throw new OutboundRequestError('invalid_url', `The URL for ${host} carries credentials.`);
    }
    const allowlisted = allowed.has(
      hostKey(url.hostname.replace(/^\[|\]$/g, ''), url.port, url.protocol),
    );
    // The URL parser has already turned decimal, octal and hexadecimal IPv4 spellings
    // (http://2130706433/) into dotted quads, so one check covers every way to write one.
    if (!allowlisted && isIP(url.hostname.replace(/^\[|\]$/g, '')) !== 0) {
      const why = blockedAddressReason(url.hostname);
      if (why !== null) throw blockedAddressError(host, why);
    }
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && allowlisted)) {
      throw new OutboundRequestError(
        'blocked_scheme',
        `Only https: may be used for ${host} (got ${url.protocol}).`,
      );
    }

    const signal = init.signal;
    if (signal?.aborted) throw signal.reason;
    const controller = new AbortController();
    const timer = setTimeout(
      () =>
        controller.abort(
          new OutboundRequestError(
            'timeout',
            `${host} did not answer within ${settings.timeoutMs} ms.`,
          ),
        ),
      settings.timeoutMs,
    );
    const forwardAbort = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', forwardAbort, { once: true });
    try {
      const response = await undiciFetch(url, {
        method: init.method ?? 'GET',
        headers: init.headers,
        body: init.body,
        redirect: 'manual',
        signal: controller.signal,
        dispatcher: agent,
      });
      if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
        await response.body?.cancel();
        throw new OutboundRequestError(
          'redirect',
          `${host} answered with a redirect (${response.status}), which is never followed.`,
        );
      }
      const declared = Number(response.headers.get('content-length'));
      if (Number.isFinite(declared) && declared > settings.maxResponseBytes) {
        await response.body?.cancel();
        throw new OutboundRequestError(
          'too_large',
          `The response of ${host} is larger than ${settings.maxResponseBytes} bytes.`,
        );
      }
      const bytes = await readCapped(response.body, settings.maxResponseBytes, host);
      return new Response(nullBodyStatuses.has(response.status) ? null : bytes, {
        status: response.status,
        statusText: response.statusText,
        headers: new Headers([...response.headers]),
      });
    } catch (error) {
      if (controller.signal.aborted) {
        // Our own deadline fired, or the caller aborted: either way the reason says which.
        throw controller.signal.reason;
      }
      throw error instanceof OutboundRequestError ? error : toOutboundError(error, host);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', forwardAbort);
    }
  };

  return Object.assign(outboundFetch, { close: () => agent.close() });
}
