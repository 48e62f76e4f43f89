/** The address the per-IP budgets count: the socket's peer, or a trusted proxy's entry. */
import { describe, expect, it } from 'vitest';
import { clientAddress, normalise } from '../src/http/client-address';

const socket = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress } } });
const request = (forwardedFor?: string) =>
  new Request('http://localhost/api/credentials', {
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
  });

describe('clientAddress', () => {
  it('is the socket’s peer by default, whatever X-Forwarded-For says', () => {
    expect(clientAddress(request('203.0.113.9'), socket('192.0.2.1'), { trustProxy: 0 })).toBe(
      '192.0.2.1',
    );
  });

  it('reads the socket where a host nests the Node bindings under `server`', () => {
    expect(clientAddress(request(), { server: socket('192.0.2.1') }, { trustProxy: 0 })).toBe(
      '192.0.2.1',
    );
  });

  it('is null without a socket (an in-process app.fetch) and without a trusted header', () => {
    expect(clientAddress(request('203.0.113.9'), undefined, { trustProxy: 0 })).toBeNull();
    expect(clientAddress(request(), undefined, { trustProxy: 1 })).toBeNull();
    expect(clientAddress(request(), { incoming: {} }, { trustProxy: 0 })).toBeNull();
  });

  it('with N trusted proxies, is the Nth entry from the right', () => {
    const chain = '198.51.100.66, 203.0.113.5, 10.0.0.2';
    const peer = socket('10.0.0.3');
    expect(clientAddress(request(chain), peer, { trustProxy: 1 })).toBe('10.0.0.2');
    expect(clientAddress(request(chain), peer, { trustProxy: 2 })).toBe('203.0.113.5');
  });

  it('reads every X-Forwarded-For header line as one list', () => {
    const headers = new Headers();
    headers.append('x-forwarded-for', '198.51.100.66');
    headers.append('x-forwarded-for', '203.0.113.5');
    const twoLines = new Request('http://localhost/api/credentials', { headers });
    expect(clientAddress(twoLines, socket('10.0.0.3'), { trustProxy: 1 })).toBe('203.0.113.5');
  });

  it('with fewer entries than trusted proxies, is the farthest one known', () => {
    expect(clientAddress(request('203.0.113.5'), socket('10.0.0.3'), { trustProxy: 3 })).toBe(
      '203.0.113.5',
    );
    expect(clientAddress(request(), socket('10.0.0.3'), { trustProxy: 2 })).toBe('10.0.0.3');
  });

  it('falls back to the peer when the trusted entry is not an address', () => {
    expect(
      clientAddress(request('203.0.113.5, not-an-ip'), socket('10.0.0.3'), { trustProxy: 1 }),
    ).toBe('10.0.0.3');
  });

  it('believes a trusted header without a socket (a host on another runtime)', () => {
    expect(clientAddress(request('203.0.113.5'), undefined, { trustProxy: 1 })).toBe('203.0.113.5');
  });
});

describe('normalise', () => {
  it('spells one client one way', () => {
    expect(normalise('192.0.2.1')).toBe('192.0.2.1');
    expect(normalise('192.0.2.1:51234')).toBe('192.0.2.1');
    expect(normalise('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(normalise('[2001:db8::1]:443')).toBe('2001:db8::/64');
  });

  it('counts an IPv6 client by its /64, the block one host is routinely given', () => {
    expect(normalise('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64');
    expect(normalise('2001:db8:1:2::ffff')).toBe('2001:db8:1:2::/64');
    expect(normalise('2001:db8:1:3::1')).toBe('2001:db8:1:3::/64');
  });

  it('is null for what is not an address', () => {
    expect(normalise('unknown')).toBeNull();
    expect(normalise('')).toBeNull();
    expect(normalise('203.0.113.5; DROP')).toBeNull();
  });
});
