/**
 * Firecrawl: a key is verified with an authenticated read of the team's credit usage,
 * `GET /v1/team/credit-usage`, against the credential's own `base_url` (a self-hosted Firecrawl)
 * or the configured API base. The user-supplied address goes through the same SSRF guard as
 * everything else, and when the guard refuses it, the refusal is a field error on `base_url`.
 */
import type { OutboundRequestError } from './outbound-request-error.ts';
import {
  endpointUrl,
  property,
  readJson,
  refused,
  safeProviderText,
  stringValue,
  unavailableFromResponse,
  verifyWith,
  type ApiKeyVerifier,
  type VerificationResult,
} from './verification.ts';

/** The field that holds the key. */
export const FIRECRAWL_KEY_FIELD = 'firecrawl_api_key';

/** The optional field with a self-hosted Firecrawl's address. */
export const FIRECRAWL_BASE_URL_FIELD = 'base_url';

/** The hosted service's address (the field's placeholder). */
export const FIRECRAWL_HOSTED_URL = 'https://api.firecrawl.dev';

const baseUrlMessages: Partial<Record<OutboundRequestError['reason'], string>> = {
  invalid_url: 'Enter a valid URL, without a user name or password.',
  blocked_scheme: 'Use an https:// address.',
  blocked_address: 'This address is not allowed: it points to a private or local network.',
  redirect: 'This address redirects elsewhere. Enter the address of the Firecrawl API itself.',
};

/**
 * The address to verify against: the configured base when the field is empty or names the hosted
 * service (so development and tests, whose configured base is a stand-in, never reach the real
 * one), else the field's value. Returns a refusal for a value that is not an http(s) URL without
 * query or fragment.
 */
function targetBase(value: string, configured: string): { base: string; custom: boolean } | null {
  if (value === '') return { base: configured, custom: false };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.search || url.hash) {
    return null;
  }
  if (url.origin === FIRECRAWL_HOSTED_URL && /^\/*$/.test(url.pathname)) {
    return { base: configured, custom: false };
  }
  return { base: value, custom: true };
}

const displayName = 'Firecrawl';

/**
 * 2xx accepts the key; 401 and 403 (`{"success":false,"error":"Unauthorized: Invalid token"}`)
 * refuse it. A custom address that answers 404 is not a Firecrawl API: a field error on
 * `base_url`. Anything else is `unavailable`.
 */
export const firecrawlVerifier: ApiKeyVerifier = {
  providerId: 'firecrawl',
  displayName,
  async verify(values, { fetch, baseUrl, now, signal }) {
    const key = stringValue(values, FIRECRAWL_KEY_FIELD);
    if (key === '') return refused(FIRECRAWL_KEY_FIELD);
    const target = targetBase(stringValue(values, FIRECRAWL_BASE_URL_FIELD), baseUrl);
    if (!target) {
      return refused(
        FIRECRAWL_BASE_URL_FIELD,
        undefined,
        'Enter the address of a Firecrawl API, such as https://api.firecrawl.dev.',
      );
    }
    const onBlocked = (error: OutboundRequestError): VerificationResult | null => {
      const message = target.custom ? baseUrlMessages[error.reason] : undefined;
      return message ? refused(FIRECRAWL_BASE_URL_FIELD, undefined, message) : null;
    };
    return verifyWith(
      displayName,
      () =>
        fetch(endpointUrl(target.base, '/v1/team/credit-usage'), {
          headers: { Authorization: `Bearer ${key}`, Accept: 'application/json' },
          signal,
        }),
      async (response) => {
        if (response.ok) return { outcome: 'accepted' };
        const text = property(await readJson(response), 'error');
        const providerMessage = safeProviderText(text, [key]);
        if (response.status === 401 || response.status === 403) {
          return refused(FIRECRAWL_KEY_FIELD, providerMessage);
        }
        if (response.status === 404 && target.custom) {
          return refused(
            FIRECRAWL_BASE_URL_FIELD,
            providerMessage,
            'No Firecrawl API answered at this address.',
          );
        }
        return unavailableFromResponse(displayName, response, providerMessage, now());
      },
      onBlocked,
    );
  },
};
