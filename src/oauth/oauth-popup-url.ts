/**
 * Which authorization URLs the OAuth popup may open (DESIGN.md §2, "The OAuth flow"): the
 * backend's `authorizationUrl` is navigated to in a window of our origin's making, so a
 * `javascript:` or `data:` URL would run in it, and a plain `http:` consent page could be read or
 * changed on the way. Only `https:` is opened, and `http:` on this machine for development.
 */

/** The `code` a flow fails with when the backend's authorization URL is not safe to open. */
export const UNSAFE_AUTHORIZATION_URL = 'unsafe_authorization_url';

/**
 * Whether `value` may be opened as the consent page: an absolute `https:` URL, or `http:` on a
 * loopback host (`localhost`, `127.0.0.0/8`, `[::1]`). Anything else — other schemes, relative
 * URLs, `http:` to any other host — is refused.
 */
export function isOpenableAuthorizationUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && isLoopbackHost(url.hostname);
}

function isLoopbackHost(hostname: string): boolean {
  if (hostname === 'localhost' || hostname === '[::1]') return true;
  // The URL parser has already written other IPv4 spellings (`127.1`, `0x7f.0.0.1`, `2130706433`)
  // in dotted decimal, so one pattern covers them all.
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}
