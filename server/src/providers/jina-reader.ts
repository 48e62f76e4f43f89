/**
 * Jina Reader: the key is optional (without one, Jina serves anonymous requests at a lower rate
 * limit), so an empty key is accepted without a call. A key is verified by reading one small page
 * through the Reader, `GET /https://example.com`: Jina authenticates the key before it fetches the
 * page (its index page, `GET /`, does not look at the key at all, so it cannot verify one).
 */
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
} from './verification.ts';

/** The field that holds the key. */
export const JINA_KEY_FIELD = 'api_key';

/** The page read to verify a key: tiny, stable, and meant for exactly this kind of use. */
export const JINA_PROBE_PAGE = 'https://example.com';

const displayName = 'Jina Reader';

/**
 * 2xx accepts the key; 401 and 403 (`AuthenticationFailedError`) refuse it, and so does 402
 * (`InsufficientBalanceError`): the key cannot be used, and trying again will not change that.
 * Anything else is `unavailable`.
 */
export const jinaReaderVerifier: ApiKeyVerifier = {
  providerId: 'jina-reader',
  displayName,
  async verify(values, { fetch, baseUrl, now, signal }) {
    const key = stringValue(values, JINA_KEY_FIELD);
    if (key === '') return { outcome: 'accepted' };
    return verifyWith(
      displayName,
      () =>
        fetch(endpointUrl(baseUrl, `/${JINA_PROBE_PAGE}`), {
          headers: { Authorization: `Bearer ${key}`, Accept: 'application/json' },
          signal,
        }),
      async (response) => {
        if (response.ok) return { outcome: 'accepted' };
        const body = await readJson(response);
        const text = property(body, 'readableMessage') ?? property(body, 'message');
        const providerMessage = safeProviderText(text, [key]);
        if ([401, 402, 403].includes(response.status)) {
          return refused(JINA_KEY_FIELD, providerMessage);
        }
        return unavailableFromResponse(displayName, response, providerMessage, now());
      },
    );
  },
};
