/**
 * Who is on the other end of a request, as far as the per-IP rate limits are concerned.
 *
 * By default that is the socket's peer address, read from the Node request that @hono/node-server
 * passes as the app's `env` (`env.incoming.socket.remoteAddress` — what its `getConnInfo` reads;
 * that helper throws when there is no socket, so it is not used directly). `X-Forwarded-For` is
 * believed only when `trustProxy` says how many reverse proxies stand in front of the server: any
 * client can write that header, and only the entries our own proxies appended are true.
 */
import ipaddr from 'ipaddr.js';

/** Options of {@link clientAddress}. */
export interface ClientAddressOptions {
  /**
   * How many reverse proxies in front of the server append to `X-Forwarded-For` (default 0: the
   * header is ignored and the socket's peer is the client). With N, the client is the Nth entry
   * from the right — the one the outermost of our proxies saw — as Express's `trust proxy = N`.
   */
  trustProxy: number;
}

/**
 * The client's address, normalised so that one client has one spelling: IPv4 dotted quad (an
 * IPv4-mapped IPv6 address is its IPv4 address), and an IPv6 address as its /64 — one host is
 * routinely given a whole /64, so counting single IPv6 addresses would let it rotate through
 * 2^64 budgets. Null when there is no network peer at all (an in-process `app.fetch`) and no
 * trusted header names one.
 */
export function clientAddress(
  request: Request,
  env: unknown,
  options: ClientAddressOptions,
): string | null {
  const socket = socketAddress(env);
  if (options.trustProxy <= 0) return socket === null ? null : normalise(socket);

  // The hops nearest first: our socket's peer, then the forwarded entries from right to left.
  const forwarded = (request.headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  const hops = [socket, ...forwarded.reverse()];
  // Fewer hops than trusted proxies: the request passed fewer proxies than configured, so the
  // farthest hop we have is the best we know (what Express does too).
  const chosen = hops[Math.min(options.trustProxy, hops.length - 1)] ?? null;
  const address = chosen === null ? null : normalise(chosen);
  // An entry that is not an address is a misconfigured proxy: count the peer (the proxy) rather
  // than let arbitrary text become a budget of its own.
  if (address === null && chosen !== socket) return socket === null ? null : normalise(socket);
  return address;
}

/** The peer address of the Node socket behind the request, when there is one. */
function socketAddress(env: unknown): string | null {
  // @hono/node-server passes `{ incoming, outgoing }`; some hosts nest it under `server`.
  const bindings = record(env);
  const incoming = record(bindings?.incoming) ?? record(record(bindings?.server)?.incoming);
  const address = record(incoming?.socket)?.remoteAddress;
  return typeof address === 'string' && address !== '' ? address : null;
}

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
}

/** The canonical spelling of an address (see {@link clientAddress}), or null when it is none. */
export function normalise(raw: string): string | null {
  let literal = raw;
  // Some proxies write `[v6]:port` or `v4:port`.
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(literal);
  if (bracketed?.[1] !== undefined) literal = bracketed[1];
  else if (/^[^:]+:\d+$/.test(literal)) literal = literal.slice(0, literal.lastIndexOf(':'));
  if (!ipaddr.isValid(literal)) return null;
  const parsed = ipaddr.parse(literal);
  if (parsed.kind() === 'ipv4') return parsed.toString();
  const v6 = parsed as ipaddr.IPv6;
  if (v6.isIPv4MappedAddress()) return v6.toIPv4Address().toString();
  const prefix = new ipaddr.IPv6([...v6.parts.slice(0, 4), 0, 0, 0, 0]);
  return `${prefix.toString()}/64`;
}
