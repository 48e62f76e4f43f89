/**
 * The redirect-URI doctor: whether the address the backend will send the provider back to is on
 * the page's own origin. The completion page must be: it tells the opener over a same-origin
 * channel, so a sign-in that ends on another scheme, host or port never reaches the page (the
 * classic traps: a proxy that terminates TLS, `localhost` against `127.0.0.1`, a dev server's
 * port against the backend's). Framework-free, like the rest of `src/oauth/`.
 */

/** What differs first, in the order a reader checks an address: scheme, host, then port. */
export type RedirectOriginDifference = 'scheme' | 'host' | 'port';

/** A redirect URI on another origin than the page. */
export interface RedirectOriginMismatch {
  difference: RedirectOriginDifference;
  /** The redirect URI's origin, e.g. `https://pipelines.example.com`. */
  redirectOrigin: string;
  /** The page's origin. */
  pageOrigin: string;
}

/**
 * Compares the backend's redirect URI with the page's origin; null when they agree, or when
 * either is not a URL (nothing useful can be said then).
 */
export function checkRedirectOrigin(
  redirectUri: string,
  pageOrigin: string,
): RedirectOriginMismatch | null {
  let redirect: URL;
  let page: URL;
  try {
    redirect = new URL(redirectUri);
    page = new URL(pageOrigin);
  } catch {
    return null;
  }
  if (redirect.origin === page.origin) return null;
  const difference: RedirectOriginDifference =
    redirect.protocol !== page.protocol
      ? 'scheme'
      : redirect.hostname !== page.hostname
        ? 'host'
        : 'port';
  return { difference, redirectOrigin: redirect.origin, pageOrigin: page.origin };
}
