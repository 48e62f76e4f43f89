/**
 * Which IP addresses the server may open a connection to on a provider's behalf: public unicast
 * only. Everything else — private, loopback, link-local (the cloud metadata services), CGNAT,
 * unique-local, multicast, unspecified, broadcast, reserved and documentation ranges — is refused,
 * because a user-supplied URL (Firecrawl's `base_url`) must never reach the server's own network.
 */
import ipaddr from 'ipaddr.js';

// Only the well-known NAT64 prefix is unwrapped: its embedded IPv4 address is what a DNS64
// network really reaches. The local-use prefix (64:ff9b:1::/48) stays refused.
const nat64WellKnown = ipaddr.IPv6.parseCIDR('64:ff9b::/96');
// IANA's global unicast space. Addresses outside it that ipaddr.js calls "unicast" (such as the
// deprecated IPv4-compatible ::a.b.c.d) are not routable on the Internet, so nothing legitimate
// lives there.
const globalUnicast = ipaddr.IPv6.parseCIDR('2000::/3');

function ipv4Problem(address: ipaddr.IPv4): string | null {
  const range = address.range();
  return range === 'unicast' ? null : range;
}

function embeddedIpv4(address: ipaddr.IPv6, firstPart: number): ipaddr.IPv4 {
  const high = address.parts[firstPart] ?? 0;
  const low = address.parts[firstPart + 1] ?? 0;
  return new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
}

/**
 * Why the server must not connect to `address` (an IPv4 or IPv6 literal, brackets and zone
 * allowed), e.g. `loopback`, `private`, `linkLocal`, `carrierGradeNat`, `uniqueLocal`; or null
 * when it is a public unicast address. An address that does not parse is refused (fail closed).
 * IPv4 addresses inside IPv6 ones (IPv4-mapped, NAT64, 6to4) are judged by their IPv4 address.
 */
export function blockedAddressReason(address: string): string | null {
  const literal = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(literal);
  } catch {
    return 'unparsable';
  }
  if (parsed.kind() === 'ipv4') return ipv4Problem(parsed as ipaddr.IPv4);

  const v6 = parsed as ipaddr.IPv6;
  if (v6.isIPv4MappedAddress()) return ipv4Problem(v6.toIPv4Address());
  if (v6.match(nat64WellKnown)) return ipv4Problem(embeddedIpv4(v6, 6));
  const range = v6.range();
  if (range === '6to4') return ipv4Problem(embeddedIpv4(v6, 1));
  if (range !== 'unicast') return range;
  if (!v6.match(globalUnicast)) return 'notGlobalUnicast';
  return null;
}
