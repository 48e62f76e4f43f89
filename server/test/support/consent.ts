/**
 * Plays the browser on the stand-in authorization server's consent page, with plain `fetch`:
 * follows its redirects by hand, carries its cookies (oidc-provider binds an interaction to its
 * cookies) and posts the consent form, until the server sends the browser back to the app's
 * redirect URI. The server's OAuth tests reuse it.
 */

/** What the user does on the consent page. */
export interface ConsentOptions {
  decision: 'allow' | 'cancel';
  /**
   * On a granular consent page (Google's, Microsoft's): the scopes to leave ticked; every other
   * scope checkbox is unticked before submitting. Without it the page is submitted as shown
   * (every scope ticked). A page without scope checkboxes rejects it (the provider is not
   * granular).
   */
  grant?: readonly string[];
}

/** The consent page, reached and not yet answered. */
export interface OpenedConsentPage {
  /** Where the page was served. */
  url: URL;
  /** The page's HTML. */
  html: string;
  /**
   * Clicks **Allow Access** or **Cancel** (with only `grant` left ticked, when given); resolves
   * with the redirect back to the app.
   */
  submit(decision: ConsentOptions['decision'], grant?: ConsentOptions['grant']): Promise<URL>;
  /** Posts exactly `fields` to the page's form (a hand-made post, not what the page offers). */
  post(fields: URLSearchParams): Promise<URL>;
}

/** How many redirects a flow may take before the helper gives up (a loop is a bug). */
const MAX_REDIRECTS = 10;

/**
 * Opens `authorizationUrl`, answers the consent page and resolves with the redirect back to the
 * app: its URL carries `code`, `state` and `iss`, or `error` (`access_denied` after Cancel). A
 * request the server redirects back without showing consent (e.g. `invalid_scope`) resolves with
 * that redirect; one it refuses without redirecting (an unknown client or redirect URI) rejects.
 */
export async function giveConsent(
  authorizationUrl: URL | string,
  { decision, grant }: ConsentOptions,
): Promise<URL> {
  const browser = new ConsentBrowser(authorizationUrl);
  const reached = await browser.navigate(new URL(authorizationUrl));
  if (reached instanceof URL) return reached;
  return browser.submit(reached, decision, grant);
}

/**
 * Opens `authorizationUrl` up to the consent page, to read it before answering. Rejects when the
 * server refuses the request or redirects back without showing the page.
 */
export async function openConsentPage(authorizationUrl: URL | string): Promise<OpenedConsentPage> {
  const browser = new ConsentBrowser(authorizationUrl);
  const reached = await browser.navigate(new URL(authorizationUrl));
  if (reached instanceof URL) {
    throw new Error(`Redirected back without a consent page: ${reached.href}`);
  }
  return {
    ...reached,
    submit: (decision, grant) => browser.submit(reached, decision, grant),
    post: (fields) => browser.post(reached, fields),
  };
}

/** The part of a request the helper sends. */
interface Navigation {
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
}

interface Page {
  url: URL;
  html: string;
}

interface StoredCookie {
  name: string;
  value: string;
  path: string;
}

class ConsentBrowser {
  private readonly cookies: StoredCookie[] = [];
  private readonly redirectUri: URL | null;

  constructor(authorizationUrl: URL | string) {
    const redirectUri = new URL(authorizationUrl).searchParams.get('redirect_uri');
    this.redirectUri = redirectUri && URL.canParse(redirectUri) ? new URL(redirectUri) : null;
  }

  /** Follows redirects from `url`: the redirect back to the app, or the page where they end. */
  async navigate(url: URL, init: Navigation = {}): Promise<URL | Page> {
    let target = url;
    let request: Navigation = init;
    for (let hop = 0; hop <= MAX_REDIRECTS; hop += 1) {
      const response = await fetch(target, {
        ...request,
        redirect: 'manual',
        headers: { accept: 'text/html', cookie: this.cookieHeader(target), ...request.headers },
      });
      this.store(response, target);
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        await response.body?.cancel();
        const next = new URL(location, target);
        if (this.isRedirectBack(next, url)) return next;
        target = next;
        // 303 (and 302, as browsers do) turn the form's POST into a GET.
        request = {};
        continue;
      }
      const html = await response.text();
      if (response.status !== 200) {
        throw new Error(
          `The authorization server refused the request (${response.status}): ${textOf(html)}`,
        );
      }
      return { url: target, html };
    }
    throw new Error(`More than ${MAX_REDIRECTS} redirects from ${url.href}`);
  }

  async submit(
    page: Page,
    decision: ConsentOptions['decision'],
    grant?: ConsentOptions['grant'],
  ): Promise<URL> {
    if (!page.html.includes(`name="decision" value="${decision}"`)) {
      throw new Error(`The consent page has no "${decision}" button.`);
    }
    const checkboxes = scopeCheckboxes(page.html);
    if (grant !== undefined && checkboxes.length === 0) {
      throw new Error(
        'The consent page has no scope checkboxes to untick: this provider grants all requested scopes or none.',
      );
    }
    // As a browser posts the form: the decision, and each scope checkbox that is ticked.
    const body = new URLSearchParams({ decision });
    for (const { value, checked } of checkboxes) {
      if (grant === undefined ? checked : grant.includes(value)) body.append('scope', value);
    }
    return this.post(page, body);
  }

  async post(page: Page, body: URLSearchParams): Promise<URL> {
    const form = /<form\b[^>]*\bmethod="post"[^>]*\baction="([^"]+)"/i.exec(page.html);
    if (!form?.[1]) throw new Error('The consent page has no form to submit.');
    const action = new URL(decodeEntities(form[1]), page.url);
    const reached = await this.navigate(action, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
    });
    if (!(reached instanceof URL)) {
      throw new Error(
        `The consent form led to a page, not back to the app: ${textOf(reached.html)}`,
      );
    }
    return reached;
  }

  /** Whether `next` leaves the authorization server for the app's redirect URI. */
  private isRedirectBack(next: URL, start: URL): boolean {
    if (this.redirectUri) {
      return next.origin === this.redirectUri.origin && next.pathname === this.redirectUri.pathname;
    }
    return next.origin !== start.origin;
  }

  private cookieHeader(url: URL): string {
    return this.cookies
      .filter(({ path }) => url.pathname === path || url.pathname.startsWith(pathPrefix(path)))
      .map(({ name, value }) => `${name}=${value}`)
      .join('; ');
  }

  /** Keeps the response's cookies as a browser would (by name and path; expired ones removed). */
  private store(response: Response, url: URL): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = header.split(';').map((part) => part.trim());
      const separator = pair.indexOf('=');
      if (separator <= 0) continue;
      const name = pair.slice(0, separator);
      const value = pair.slice(separator + 1);
      let path = defaultPath(url);
      let expired = false;
      for (const attribute of attributes) {
        const [key = '', attributeValue = ''] = attribute.split('=');
        const lower = key.toLowerCase();
        if (lower === 'path' && attributeValue.startsWith('/')) path = attributeValue;
        if (lower === 'max-age' && Number(attributeValue) <= 0) expired = true;
        if (lower === 'expires' && Date.parse(attributeValue) <= Date.now()) expired = true;
      }
      const index = this.cookies.findIndex(
        (cookie) => cookie.name === name && cookie.path === path,
      );
      if (index >= 0) this.cookies.splice(index, 1);
      if (!expired) this.cookies.push({ name, value, path });
    }
  }
}

/** The page's `scope` checkboxes (a granular consent page's), with whether each is ticked. */
function scopeCheckboxes(html: string): { value: string; checked: boolean }[] {
  const found: { value: string; checked: boolean }[] = [];
  for (const [input] of html.matchAll(/<input\b[^>]*>/gi)) {
    if (!/\btype="checkbox"/i.test(input) || !/\bname="scope"/i.test(input)) continue;
    const value = /\bvalue="([^"]*)"/i.exec(input)?.[1];
    if (value === undefined) continue;
    found.push({ value: decodeEntities(value), checked: /\schecked(?=[\s>/=])/i.test(input) });
  }
  return found;
}

/** RFC 6265 §5.1.4: a cookie without Path belongs to the request path's directory. */
function defaultPath(url: URL): string {
  const slash = url.pathname.lastIndexOf('/');
  return slash > 0 ? url.pathname.slice(0, slash) : '/';
}

function pathPrefix(path: string): string {
  return path.endsWith('/') ? path : `${path}/`;
}

function decodeEntities(value: string): string {
  return value
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}

/** A page's text, briefly, for an error message. */
function textOf(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/gi, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 300);
}
