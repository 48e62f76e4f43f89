/**
 * The rules for URL fields (such as Firecrawl's `base_url`), which a backend later connects to:
 * a pure check of the URL and of its host name or IP literal, with no DNS. A name can still
 * resolve to a private address, so a server checks the address again when it connects
 * ({@link addressKind} on the resolved address).
 */
import { hasControlCharacter } from './characters';
import type { RuleProblem } from './problem';

/** Why a URL field is refused. */
export type UrlProblemCode = 'url_invalid' | 'url_scheme' | 'url_credentials' | 'url_private_host';

/** Options of {@link checkUrlField}. */
export interface UrlFieldOptions {
  /**
   * A development backend (the mock is one) also accepts a self-hosted service on this machine:
   * `http:` or `https:` on exactly `localhost`, `127.0.0.1` or `[::1]`. Off by default: a
   * production backend refuses every loopback host, whatever the scheme.
   */
  development?: boolean;
}

/**
 * What a host is, as far as a backend connecting to it is concerned. Only `public` may be
 * connected to (and `loopback`, on the development hosts, in development).
 * `local-name`: a name only a local network resolves (`intranet`, `printer.local`, `*.internal`).
 * `reserved`: not a public unicast address (unspecified, multicast, documentation, benchmarking,
 * IPv4-mapped and other embedding IPv6 forms).
 */
export type HostKind =
  'public' | 'loopback' | 'private' | 'link-local' | 'metadata' | 'local-name' | 'reserved';

/** The hosts a development backend accepts on this machine (see {@link UrlFieldOptions}). */
const DEVELOPMENT_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Checks a URL field's (trimmed, non-empty) value: an absolute URL without white space or
 * control characters, `https:` (or, in development, `http:` on a development host), no user
 * name or password in it, and a host that is {@link hostKind} `public`: no private, loopback,
 * link-local, cloud-metadata or local-network address, in whatever form `new URL` accepts it
 * (decimal, octal or hex IPv4 such as `http://2852039166/`, IPv4-mapped IPv6, a trailing dot).
 * `label` names the field in the English message.
 */
export function checkUrlField(
  value: string,
  label = 'The URL',
  options: UrlFieldOptions = {},
): RuleProblem<UrlProblemCode> | null {
  let url: URL | null = null;
  // The URL parser drops tabs and line breaks silently; a stored value must mean one URL.
  if (!/\s/u.test(value) && !hasControlCharacter(value)) {
    try {
      url = new URL(value);
    } catch {
      url = null;
    }
  }
  if (!url) {
    return { code: 'url_invalid', message: `${label} must be a full URL, such as https://…` };
  }
  const developmentHost = options.development === true && DEVELOPMENT_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && developmentHost)) {
    return { code: 'url_scheme', message: `${label} must start with https://.` };
  }
  if (url.username !== '' || url.password !== '') {
    return {
      code: 'url_credentials',
      message: `${label} must not contain a user name or password.`,
    };
  }
  if (!developmentHost && hostKind(url.hostname) !== 'public') {
    return {
      code: 'url_private_host',
      message: `${label} must point at a public server, not a private, local or metadata address.`,
    };
  }
  return null;
}

/** Names of cloud metadata services (169.254.169.254 and fd00:ec2::254 are caught as addresses). */
const METADATA_NAMES = new Set(['metadata.google.internal', 'metadata.goog', 'metadata']);

/** Top-level names that only a local network resolves. */
const LOCAL_SUFFIXES = [
  'localhost',
  'local',
  'localdomain',
  'internal',
  'intranet',
  'lan',
  'home',
  'corp',
  'home.arpa',
];

/**
 * What a URL host is: an IPv4 address (any form `new URL` accepts), a bracketed or bare IPv6
 * address, or a name. A name is judged by itself only (no DNS): `localhost` and `*.localhost`
 * are loopback; names without a dot and the local-network suffixes are `local-name`.
 */
export function hostKind(host: string): HostKind {
  const lower = host.toLowerCase().replace(/\.+$/, '');
  if (lower.includes(':')) return addressKind(lower);
  let canonical = lower;
  try {
    // Canonical form: `0x7f.1` and `2130706433` become 127.0.0.1, full-width letters fold.
    canonical = new URL(`http://${lower}/`).hostname.replace(/\.+$/, '');
  } catch {
    return 'reserved';
  }
  if (IPV4.test(canonical)) return addressKind(canonical);
  if (METADATA_NAMES.has(canonical)) return 'metadata';
  if (canonical === 'localhost' || canonical.endsWith('.localhost')) return 'loopback';
  if (!canonical.includes('.')) return 'local-name';
  if (canonical.endsWith('.arpa') && !canonical.endsWith('.home.arpa')) return 'reserved';
  return LOCAL_SUFFIXES.some((suffix) => canonical.endsWith(`.${suffix}`))
    ? 'local-name'
    : 'public';
}

const IPV4 = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

/**
 * What an IP address is: dotted IPv4 (`10.0.0.1`) or IPv6 with or without brackets and zone
 * (`[fe80::1]`, `::ffff:10.0.0.1`). For a server's connect-time check of a resolved address.
 * Anything that does not parse is `reserved`.
 */
export function addressKind(address: string): HostKind {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (IPV4.test(bare)) {
    const bytes = bare.split('.').map(Number);
    return bytes.every((byte) => byte <= 255) ? ipv4Kind(bytes) : 'reserved';
  }
  const words = parseIpv6(bare);
  return words ? ipv6Kind(words) : 'reserved';
}

function ipv4Kind([a = 0, b = 0, c = 0, d = 0]: number[]): HostKind {
  if (a === 169 && b === 254) {
    // AWS, GCP, Azure, OpenStack (169.254.169.254) and ECS task metadata (169.254.170.2).
    return (c === 169 && d === 254) || (c === 170 && d === 2) ? 'metadata' : 'link-local';
  }
  if (a === 127) return 'loopback';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'private';
  // Shared address space (carrier-grade NAT; Alibaba Cloud's metadata is 100.100.100.200).
  if (a === 100 && b >= 64 && b <= 127) return 'private';
  if (
    a === 0 || // "this network", 0.0.0.0 included
    (a === 192 && b === 0 && (c === 0 || c === 2)) || // IETF assignments, documentation
    (a === 198 && (b === 18 || b === 19)) || // benchmarking
    (a === 198 && b === 51 && c === 100) ||
    (a === 203 && b === 0 && c === 113) ||
    a >= 224 // multicast, reserved, broadcast
  ) {
    return 'reserved';
  }
  return 'public';
}

function ipv6Kind(w: number[]): HostKind {
  const [w0 = 0, w1 = 0, w2 = 0, w3 = 0, w4 = 0, w5 = 0, w6 = 0, w7 = 0] = w;
  const embedded = () => ipv4Kind([w6 >> 8, w6 & 0xff, w7 >> 8, w7 & 0xff]);
  const zeroPrefix = w0 === 0 && w1 === 0 && w2 === 0 && w3 === 0 && w4 === 0;
  if (zeroPrefix && w5 === 0 && w6 === 0) return w7 === 1 ? 'loopback' : 'reserved'; // ::1, ::
  // IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible (::a.b.c.d) addresses reach IPv4 hosts
  // around an IPv6-only check: refused whatever they embed.
  if (zeroPrefix && (w5 === 0xffff || w5 === 0)) {
    const kind = embedded();
    return kind === 'public' ? 'reserved' : kind;
  }
  if (w0 === 0x64 && w1 === 0xff9b && w2 === 0 && w3 === 0 && w4 === 0 && w5 === 0) {
    return embedded(); // NAT64 of an IPv4 address: as that address
  }
  if (w0 === 0xfd00 && w1 === 0x0ec2 && zeroPrefixFrom(w, 2, 7) && w7 === 0x254) return 'metadata';
  if ((w0 & 0xfe00) === 0xfc00) return 'private'; // fc00::/7 unique local
  if ((w0 & 0xffc0) === 0xfe80) return 'link-local'; // fe80::/10
  if ((w0 & 0xffc0) === 0xfec0) return 'private'; // fec0::/10, the old site-local
  if (w0 === 0x2001 && (w1 === 0x0db8 || w1 === 0)) return 'reserved'; // documentation, Teredo
  if (w0 === 0x2002) return ipv4Kind([w1 >> 8, w1 & 0xff, w2 >> 8, w2 & 0xff]); // 6to4
  // Only 2000::/3 is allocated for global unicast.
  return (w0 & 0xe000) === 0x2000 ? 'public' : 'reserved';
}

function zeroPrefixFrom(words: number[], from: number, to: number): boolean {
  return words.slice(from, to).every((word) => word === 0);
}

/** The eight 16-bit words of an IPv6 address, or null. Accepts `::` and a dotted IPv4 tail. */
function parseIpv6(text: string): number[] | null {
  let body = text;
  const tail: number[] = [];
  const dotted = /:(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})$/.exec(body);
  if (dotted?.[1]) {
    const bytes = dotted[1].split('.').map(Number);
    if (bytes.some((byte) => byte > 255)) return null;
    const [a = 0, b = 0, c = 0, d = 0] = bytes;
    tail.push((a << 8) | b, (c << 8) | d);
    body = body.slice(0, -dotted[1].length);
    // Keep a `::` that ends right before the IPv4 tail; drop a single separating colon.
    if (!body.endsWith('::')) body = body.slice(0, -1);
  }
  const halves = body.split('::');
  if (halves.length > 2) return null;
  const words = (part: string | undefined) =>
    part === undefined || part === '' ? [] : part.split(':');
  const head = words(halves[0]);
  const rest = words(halves[1]);
  const groups = 8 - tail.length;
  if (halves.length === 1 ? head.length !== groups : head.length + rest.length >= groups) {
    return null;
  }
  const parse = (word: string) => (/^[0-9a-f]{1,4}$/.test(word) ? parseInt(word, 16) : NaN);
  const middle = new Array<string>(groups - head.length - rest.length).fill('0');
  const all = [...head, ...middle, ...rest].map(parse);
  if (all.some(Number.isNaN)) return null;
  return [...all, ...tail];
}
