import { describe, expect, it } from 'vitest';
// Internal on purpose: the shared rules (client, mock and server), which this file tests.
import { addressKind, checkUrlField, hostKind } from '../../src/rules/url-fields';

const code = (url: string, development = false) =>
  checkUrlField(url, 'Base URL', { development })?.code ?? null;

describe('checkUrlField', () => {
  it.each([
    'https://api.firecrawl.dev',
    'https://crawl.example.com:8443/v1?x=1',
    'https://8.8.8.8/',
    'https://172.32.0.1/',
    'https://[2606:4700:4700::1111]/',
    'https://[64:ff9b::808:808]/',
    'https://xn--bcher-kva.example/',
  ])('accepts %s', (url) => {
    expect(code(url)).toBeNull();
  });

  it.each([
    ['not a URL', 'crawl.example.com', 'url_invalid'],
    ['javascript:', 'javascript:alert(1)', 'url_scheme'],
    ['a line break inside', 'https://exa\nmple.com', 'url_invalid'],
    ['a tab inside', 'https://exa\tmple.com', 'url_invalid'],
    ['a space inside', 'https://exa mple.com', 'url_invalid'],
    ['ftp', 'ftp://example.com', 'url_scheme'],
    ['http to a public host', 'http://example.com', 'url_scheme'],
    ['a user and password', 'https://user:pass@example.com', 'url_credentials'],
    ['a user', 'https://user@example.com', 'url_credentials'],
    ['an empty password', 'https://:x@example.com', 'url_credentials'],
  ])('refuses %s', (_label, url, expected) => {
    expect(code(url)).toBe(expected);
  });

  it.each([
    ['the metadata address', 'https://169.254.169.254/'],
    ['ECS task metadata', 'https://169.254.170.2/'],
    ['link-local', 'https://169.254.0.1/'],
    ['10/8', 'https://10.1.2.3/'],
    ['172.16/12, first', 'https://172.16.0.1/'],
    ['172.16/12, last', 'https://172.31.255.255/'],
    ['192.168/16', 'https://192.168.0.1/'],
    ['100.64/10 (Alibaba metadata)', 'https://100.100.100.200/'],
    ['loopback', 'https://127.0.0.1/'],
    ['loopback elsewhere in 127/8', 'https://127.1.2.3/'],
    ['0.0.0.0', 'https://0.0.0.0/'],
    ['0 (zero as a number)', 'https://0/'],
    ['decimal', 'https://2852039166/'],
    ['octal', 'https://0251.0376.0251.0376/'],
    ['hex', 'https://0xa9fea9fe/'],
    ['dotted hex', 'https://0xa9.0xfe.0xa9.0xfe/'],
    ['short form', 'https://127.1/'],
    ['mixed short form', 'https://169.254.43518/'],
    ['a trailing dot', 'https://169.254.169.254./'],
    ['full-width digits', 'https://１６９.２５４.１６９.２５４/'],
    ['multicast', 'https://224.0.0.1/'],
    ['broadcast', 'https://255.255.255.255/'],
    ['documentation', 'https://192.0.2.1/'],
    ['IPv6 loopback', 'https://[::1]/'],
    ['IPv6 unspecified', 'https://[::]/'],
    ['IPv4-mapped', 'https://[::ffff:169.254.169.254]/'],
    ['IPv4-mapped public', 'https://[::ffff:8.8.8.8]/'],
    ['IPv4-compatible', 'https://[::a9fe:a9fe]/'],
    ['NAT64 of a private address', 'https://[64:ff9b::a00:1]/'],
    ['6to4 of the metadata address', 'https://[2002:a9fe:a9fe::1]/'],
    ['unique local (fc00::/7)', 'https://[fc00::1]/'],
    ['AWS IPv6 metadata', 'https://[fd00:ec2::254]/'],
    ['IPv6 link-local', 'https://[fe80::1]/'],
    ['IPv6 link-local, upper bound', 'https://[febf::1]/'],
    ['IPv6 site-local', 'https://[fec0::1]/'],
    ['IPv6 multicast', 'https://[ff02::1]/'],
    ['IPv6 documentation', 'https://[2001:db8::1]/'],
    ['GCP metadata', 'https://metadata.google.internal/'],
    ['GCP metadata, trailing dot', 'https://metadata.google.internal./'],
    ['GCP metadata, upper case', 'https://METADATA.GOOGLE.INTERNAL/'],
    ['metadata.goog', 'https://metadata.goog/'],
    ['localhost', 'https://localhost/'],
    ['a localhost subdomain', 'https://api.localhost/'],
    ['full-width localhost', 'https://ｌｏｃａｌｈｏｓｔ/'],
    ['a single-label name', 'https://intranet/'],
    ['.local', 'https://printer.local/'],
    ['.internal', 'https://db.internal/'],
    ['.home.arpa', 'https://nas.home.arpa/'],
  ])('refuses %s as not public', (_label, url) => {
    expect(code(url)).toBe('url_private_host');
  });

  it('accepts http and https on localhost, 127.0.0.1 and [::1] in development only', () => {
    for (const url of [
      'http://localhost:3002',
      'https://localhost:3002',
      'http://127.0.0.1:3002',
      'http://[::1]:3002',
    ]) {
      expect(code(url, true), url).toBeNull();
      expect(code(url, false), url).not.toBeNull();
    }
    for (const url of ['http://127.0.0.2', 'http://api.localhost', 'http://10.0.0.1']) {
      expect(code(url, true), url).not.toBeNull();
    }
    expect(code('http://user:pw@localhost:3002', true)).toBe('url_credentials');
  });

  it('names the field in its English messages', () => {
    expect(checkUrlField('http://example.com', 'Base URL')?.message).toBe(
      'Base URL must start with https://.',
    );
  });
});

describe('hostKind and addressKind', () => {
  it.each([
    ['8.8.8.8', 'public'],
    ['169.254.169.254', 'metadata'],
    ['10.0.0.1', 'private'],
    ['127.0.0.1', 'loopback'],
    ['[fe80::1]', 'link-local'],
    ['localhost', 'loopback'],
    ['metadata.google.internal', 'metadata'],
    ['nas', 'local-name'],
    ['example.com', 'public'],
    ['1.0.0.10.in-addr.arpa', 'reserved'],
  ])('hostKind(%s) is %s', (host, kind) => {
    expect(hostKind(host)).toBe(kind);
  });

  it.each([
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['fe80::1%eth0', 'link-local'],
    ['2001:4860:4860::8888', 'public'],
    ['1::2::3', 'reserved'],
    ['1:2:3:4:5:6:7:8:9', 'reserved'],
    ['::ffff:1.2.3', 'reserved'],
    ['300.1.1.1', 'reserved'],
  ])('addressKind(%s) is %s (for a resolved address)', (address, kind) => {
    expect(addressKind(address)).toBe(kind);
  });
});
