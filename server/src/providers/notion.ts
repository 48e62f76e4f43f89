/**
 * Notion: an internal integration secret is verified by reading the integration's own bot user,
 * `GET /v1/users/me` — the cheapest authenticated call, needing no capability or shared page.
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

/** The Notion API version the server speaks; Notion refuses requests without one. */
export const NOTION_VERSION = '2022-06-28';

/** The field that holds the secret. */
export const NOTION_SECRET_FIELD = 'integration_secret';

const displayName = 'Notion';

/**
 * 2xx accepts the secret; 401 (`unauthorized`, "API token is invalid.") refuses it. Everything
 * else — 429 and 503 with Retry-After, other 5xx, an unexpected 4xx — says nothing about the
 * secret itself, so it is `unavailable`.
 */
export const notionVerifier: ApiKeyVerifier = {
  providerId: 'notion',
  displayName,
  async verify(values, { fetch, baseUrl, now, signal }) {
    const secret = stringValue(values, NOTION_SECRET_FIELD);
    if (secret === '') return refused(NOTION_SECRET_FIELD);
    return verifyWith(
      displayName,
      () =>
        fetch(endpointUrl(baseUrl, '/v1/users/me'), {
          headers: {
            Authorization: `Bearer ${secret}`,
            'Notion-Version': NOTION_VERSION,
            Accept: 'application/json',
          },
          signal,
        }),
      async (response) => {
        if (response.ok) return { outcome: 'accepted' };
        const text = property(await readJson(response), 'message');
        const providerMessage = safeProviderText(text, [secret]);
        if (response.status === 401) return refused(NOTION_SECRET_FIELD, providerMessage);
        return unavailableFromResponse(displayName, response, providerMessage, now());
      },
    );
  },
};
