/**
 * The SSRF guard of provider calls. Every server here listens on 127.0.0.1 only, and no request
 * ever leaves loopback: names are resolved by an injected lookup (or are `localhost`), and every
 * blocked address is refused before a connection is attempted.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createOutboundFetch,
  type GuardedOutboundFetch,
  type HostLookup,
  type OutboundFetchOptions,
} from '../src/providers/outbound-fetch.ts';
import {
  OutboundRequestError,
  type OutboundRequestErrorReason,
} from '../src/providers/outbound-request-error.ts';

const MiB = 1024 * 1024;

type Route = (request: IncomingMessage, response: ServerResponse) => void;

const routes: Record<string, Route> = {
  '/': (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/plain', 'x-answer': '42' });
    response.end('hello');
  },
  '/redirect-metadata': (_request, response) => {
    response.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' });
    response.end();
  },
  '/redirect-home': (_request, response) => {
    response.writeHead(307, { location: '/' });
    response.end();
  },
  '/redirect-permanent': (_request, response) => {
    response.writeHead(308, { location: '/' });
    response.end();
  },
  '/big-declared': (_request, response) => {
    const body = Buffer.alloc(2 * MiB, 'a');
    response.writeHead(200, { 'content-length': String(body.length) });
    response.end(body);
  },
  '/big-chunked': (_request, response) => {
    // No Content-Length: only counting while reading can catch it.
    response.writeHead(200, { 'content-type': 'application/octet-stream' });
    const chunk = Buffer.alloc(64 * 1024, 'b');
    let sent = 0;
    const push = () => {
      while (sent < 4 * MiB) {
        sent += chunk.length;
        if (!response.write(chunk)) {
          response.once('drain', push);
          return;
        }
      }
      response.end();
    };
    response.on('error', () => {});
    push();
  },
  '/gzip-bomb': (_request, response) => {
    // 4 MiB of zeros compress to a few KiB: the cap must count the decoded bytes.
    const body = gzipSync(Buffer.alloc(4 * MiB));
    response.writeHead(200, { 'content-encoding': 'gzip', 'content-length': String(body.length) });
    response.end(body);
  },
  '/just-under-cap': (_request, response) => {
    response.writeHead(200);
    response.end(Buffer.alloc(MiB, 'c'));
  },
  '/hang': () => {
    // Never answers: the client's timeouts must end it.
  },
};

let server: Server;
let port: number;
let requestsSeen: string[] = [];
const fetches: GuardedOutboundFetch[] = [];

function guarded(options: OutboundFetchOptions = {}): GuardedOutboundFetch {
  const outboundFetch = createOutboundFetch(options);
  fetches.push(outboundFetch);
  return outboundFetch;
}

/** The loopback test server only, by its exact host:port. */
function allowlisted(options: OutboundFetchOptions = {}): GuardedOutboundFetch {
  return guarded({ allowedHosts: [`127.0.0.1:${port}`], ...options });
}

/** A lookup that answers from a table, and records every name it was asked for. */
function fakeLookup(table: Record<string, string[]>): HostLookup & { asked: string[] } {
  const asked: string[] = [];
  const lookup = async (hostname: string) => {
    asked.push(hostname);
    const addresses = table[hostname];
    if (!addresses) throw Object.assign(new Error(`ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  return Object.assign(lookup, { asked });
}

async function refusal(promise: Promise<unknown>): Promise<OutboundRequestError> {
  const error = await promise.then(
    () => {
      throw new Error('The request was expected to be refused.');
    },
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(OutboundRequestError);
  return error as OutboundRequestError;
}

async function expectRefused(
  promise: Promise<unknown>,
  reason: OutboundRequestErrorReason,
): Promise<OutboundRequestError> {
  const error = await refusal(promise);
  expect(error.reason).toBe(reason);
  return error;
}

beforeAll(async () => {
  server = createServer((request, response) => {
    requestsSeen.push(request.url ?? '');
    const route = routes[request.url ?? ''];
    if (route) route(request, response);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

beforeEach(() => {
  requestsSeen = [];
});

afterAll(async () => {
  await Promise.all(fetches.map((outboundFetch) => outboundFetch.close()));
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('an allowlisted loopback host', () => {
  it('is reached over http and answers with a buffered standard Response', async () => {
    const response = await allowlisted()(`http://127.0.0.1:${port}/`);
    expect(response).toBeInstanceOf(Response);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-answer')).toBe('42');
    expect(await response.text()).toBe('hello');
    expect(requestsSeen).toEqual(['/']);
  });

  it('is reached by name when the name itself is allowlisted (resolved by the lookup)', async () => {
    const lookup = fakeLookup({ 'stand-in.test': ['127.0.0.1'] });
    const outboundFetch = guarded({ allowedHosts: [`stand-in.test:${port}`], lookup });
    const response = await outboundFetch(`http://stand-in.test:${port}/`);
    expect(await response.text()).toBe('hello');
    expect(lookup.asked).toEqual(['stand-in.test']);
  });

  it('opens only that exact host:port, never the rest of loopback', async () => {
    const outboundFetch = allowlisted({ lookup: fakeLookup({ localhost: ['127.0.0.1'] }) });
    // Another port on the same address.
    await expectRefused(outboundFetch(`https://127.0.0.1:${port + 1}/`), 'blocked_address');
    // The same port under another name.
    await expectRefused(outboundFetch(`http://localhost:${port}/`), 'blocked_scheme');
    await expectRefused(outboundFetch(`https://localhost:${port}/`), 'blocked_address');
    // The same port over IPv6 loopback.
    await expectRefused(outboundFetch(`https://[::1]:${port}/`), 'blocked_address');
    expect(requestsSeen).toEqual([]);
  });

  it('accepts only exact host:port entries', () => {
    for (const entry of [
      '127.0.0.1',
      'localhost',
      '*:8080',
      '127.0.0.*:80',
      'http://127.0.0.1:1',
    ]) {
      expect(() => createOutboundFetch({ allowedHosts: [entry] })).toThrow(TypeError);
    }
    expect(() => createOutboundFetch({ allowedHosts: ['127.0.0.1:0'] })).toThrow(TypeError);
    expect(() => createOutboundFetch({ allowedHosts: ['[::1]:8080', 'a.test:1'] })).not.toThrow();
  });
});

describe('IP literals', () => {
  const literals = [
    'https://127.0.0.1/',
    'https://10.0.0.1/',
    'https://10.255.1.2:8443/',
    'https://172.16.5.4/',
    'https://192.168.0.1/',
    'https://169.254.169.254/latest/meta-data/',
    'https://100.100.100.200/',
    'https://0.0.0.0/',
    'https://[::1]/',
    'https://[::ffff:127.0.0.1]/',
    'https://[::ffff:169.254.169.254]/',
    'https://[fd00:ec2::254]/',
    'https://[fe80::1]/',
    'https://[::]/',
    'https://224.0.0.1/',
    'http://2130706433/',
    'https://0x7f.0.0.1/',
    'https://017700000001/',
  ];

  it.each(literals)('refuses %s before anything is resolved or sent', async (url) => {
    const lookup = fakeLookup({});
    await expectRefused(guarded({ lookup })(url), 'blocked_address');
    expect(lookup.asked).toEqual([]);
  });

  it('refuses the loopback test server itself when it is not allowlisted', async () => {
    await expectRefused(guarded()(`https://127.0.0.1:${port}/`), 'blocked_address');
    await expectRefused(guarded()(`http://127.0.0.1:${port}/`), 'blocked_address');
    expect(requestsSeen).toEqual([]);
  });

  it('names only the host in the error, never the path or query', async () => {
    const error = await refusal(guarded()('https://10.0.0.1/v1/secret-path?token=abc'));
    expect(error.message).toContain('10.0.0.1');
    expect(error.message).not.toContain('secret-path');
    expect(error.message).not.toContain('abc');
  });
});

describe('names resolving to non-public addresses', () => {
  it('refuses localhost at connect time (it resolves to loopback)', async () => {
    await expectRefused(guarded()(`https://localhost:${port}/`), 'blocked_address');
    expect(requestsSeen).toEqual([]);
  });

  it.each([
    ['internal.test', ['10.0.0.1']],
    ['metadata.test', ['169.254.169.254']],
    ['v6-loopback.test', ['::1']],
    ['mapped.test', ['::ffff:10.0.0.1']],
    ['cgnat.test', ['100.64.0.1']],
    ['unique-local.test', ['fd12:3456::1']],
    // A name that mixes a public answer with a private one is refused outright.
    ['mixed.test', ['93.184.216.34', '10.0.0.1']],
  ])('refuses %s (resolving to %j) when connecting', async (name, addresses) => {
    const lookup = fakeLookup({ [name]: addresses });
    await expectRefused(guarded({ lookup })(`https://${name}/`), 'blocked_address');
    // The name was resolved by the connector, i.e. at connect time, not by a separate check.
    expect(lookup.asked).toEqual([name]);
  });

  it('resolves again for every new connection, so a rebinding name is caught', async () => {
    const lookup = fakeLookup({ 'rebinding.test': ['10.0.0.1'] });
    const outboundFetch = guarded({ lookup });
    await expectRefused(outboundFetch('https://rebinding.test/'), 'blocked_address');
    await expectRefused(outboundFetch('https://rebinding.test/'), 'blocked_address');
    expect(lookup.asked).toEqual(['rebinding.test', 'rebinding.test']);
  });

  it('reports a name that does not resolve as a network failure', async () => {
    const lookup = fakeLookup({});
    await expectRefused(guarded({ lookup })('https://nowhere.test/'), 'network');
  });
});

describe('schemes', () => {
  it.each(['http://example.com/', 'ftp://example.com/', 'file:///etc/passwd', 'ws://example.com/'])(
    'refuses %s without an allowlist entry, before resolving anything',
    async (url) => {
      const lookup = fakeLookup({ 'example.com': ['93.184.216.34'] });
      await expectRefused(guarded({ lookup })(url), 'blocked_scheme');
      expect(lookup.asked).toEqual([]);
    },
  );

  it('refuses URLs that do not parse or carry credentials', async () => {
    await expectRefused(guarded()('not a url'), 'invalid_url');
    await expectRefused(guarded()('https://user:pass@example.com/'), 'invalid_url');
  });
});

describe('redirects', () => {
  it.each(['/redirect-metadata', '/redirect-home', '/redirect-permanent'])(
    'treats %s as an error and never follows it',
    async (path) => {
      await expectRefused(allowlisted()(`http://127.0.0.1:${port}${path}`), 'redirect');
      expect(requestsSeen).toEqual([path]);
    },
  );
});

describe('the response size cap', () => {
  it('refuses a declared body over the cap', async () => {
    await expectRefused(allowlisted()(`http://127.0.0.1:${port}/big-declared`), 'too_large');
  });

  it('refuses an undeclared (chunked) body once it passes the cap while reading', async () => {
    await expectRefused(allowlisted()(`http://127.0.0.1:${port}/big-chunked`), 'too_large');
  });

  it('counts decoded bytes, so a small compressed body cannot expand past the cap', async () => {
    await expectRefused(allowlisted()(`http://127.0.0.1:${port}/gzip-bomb`), 'too_large');
  });

  it('accepts a body of exactly the cap, and the cap is configurable', async () => {
    const response = await allowlisted()(`http://127.0.0.1:${port}/just-under-cap`);
    expect((await response.arrayBuffer()).byteLength).toBe(MiB);
    await expectRefused(
      allowlisted({ maxResponseBytes: 1000 })(`http://127.0.0.1:${port}/just-under-cap`),
      'too_large',
    );
  });
});

describe('timeouts', () => {
  it('ends a request to a server that never answers (overall timeout)', async () => {
    const started = Date.now();
    await expectRefused(
      allowlisted({ timeoutMs: 300 })(`http://127.0.0.1:${port}/hang`),
      'timeout',
    );
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('ends a request whose headers do not come (headers timeout)', async () => {
    const started = Date.now();
    await expectRefused(
      allowlisted({ headersTimeoutMs: 300, timeoutMs: 10_000 })(`http://127.0.0.1:${port}/hang`),
      'timeout',
    );
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('ends a connection whose TLS handshake never completes (connect timeout)', async () => {
    // A TCP server that accepts and then says nothing: the TLS handshake never finishes.
    const accepted: Socket[] = [];
    const silent = createNetServer((socket) => accepted.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const silentPort = (silent.address() as AddressInfo).port;
    try {
      const started = Date.now();
      const outboundFetch = guarded({
        allowedHosts: [`127.0.0.1:${silentPort}`],
        connectTimeoutMs: 200,
        timeoutMs: 10_000,
      });
      await expectRefused(outboundFetch(`https://127.0.0.1:${silentPort}/`), 'timeout');
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      for (const socket of accepted) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it("rejects with the caller's own reason when the caller aborts", async () => {
    const controller = new AbortController();
    const reason = new Error('the client went away');
    setTimeout(() => controller.abort(reason), 50);
    const result = allowlisted({ timeoutMs: 10_000 })(`http://127.0.0.1:${port}/hang`, {
      signal: controller.signal,
    });
    await expect(result).rejects.toBe(reason);
  });
});
