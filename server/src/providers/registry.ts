/**
 * The provider registry: each provider's API base and API-key verifier. The server verifies a key
 * on create and on an edit that changes a secret; the domain turns the result into the contract's
 * answers (`refused` → 422 `credential_rejected`, `unavailable` → 502/503 `provider_unavailable`,
 * retryable, nothing stored). **Test** (`…/verify`) asks the same question and answers the
 * verdict itself (`domain/verification-report.ts`).
 *
 * The bases default to the real APIs; development and tests point them at the stand-in provider
 * APIs (`src/dev/stand-in-provider-apis.ts`) and allowlist exactly those in the outbound fetch.
 */
import type { Logger } from '../logger.ts';
import { firecrawlVerifier } from './firecrawl.ts';
import { jinaReaderVerifier } from './jina-reader.ts';
import { notionVerifier } from './notion.ts';
import type { OutboundFetch } from './outbound-fetch.ts';
import type { ApiKeyVerifier, CredentialValues, VerificationResult } from './verification.ts';

/** The API base of each provider whose API keys are verified. */
export interface ProviderEndpoints {
  notion: string;
  firecrawl: string;
  'jina-reader': string;
}

/** The real APIs. */
export const defaultProviderEndpoints: Readonly<ProviderEndpoints> = {
  notion: 'https://api.notion.com',
  firecrawl: 'https://api.firecrawl.dev',
  'jina-reader': 'https://r.jina.ai',
};

/** Options of {@link createProviderRegistry}. */
export interface ProviderRegistryOptions {
  /** The guarded outbound fetch (`createOutboundFetch`); every verification request uses it. */
  fetch: OutboundFetch;
  /** Overrides of the API bases (the stand-ins in development and tests). */
  endpoints?: Partial<ProviderEndpoints>;
  /** The clock Retry-After dates are read against. Default: the system clock. */
  now?: () => Date;
  /** Told (provider and outcome only, never a key or body) when a provider cannot verify. */
  logger?: Pick<Logger, 'warn'>;
}

/** Options of one verification. */
export interface VerifyApiKeyOptions {
  /** Aborting it (the client went away) aborts the provider request; the call then rejects. */
  signal?: AbortSignal;
}

/** What the server asks of the provider registry. */
export interface ProviderRegistry {
  /** The API bases in use. */
  readonly endpoints: Readonly<ProviderEndpoints>;
  /** Whether `providerId`'s API keys are verified (else `verifyApiKey` says `not_verifiable`). */
  canVerifyApiKey(providerId: string): boolean;
  /**
   * Verifies an API-key credential's values with its provider. Resolves with the outcome and
   * never rejects for anything the provider or the network did; it rejects only with the
   * signal's reason when `signal` aborts.
   */
  verifyApiKey(
    providerId: string,
    values: CredentialValues,
    options?: VerifyApiKeyOptions,
  ): Promise<VerificationResult>;
}

const verifiers: ReadonlyMap<keyof ProviderEndpoints, ApiKeyVerifier> = new Map([
  ['notion', notionVerifier],
  ['firecrawl', firecrawlVerifier],
  ['jina-reader', jinaReaderVerifier],
]);

function isVerifiable(providerId: string): providerId is keyof ProviderEndpoints {
  return verifiers.has(providerId as keyof ProviderEndpoints);
}

/** Creates the registry over the given outbound fetch and API bases. */
export function createProviderRegistry(options: ProviderRegistryOptions): ProviderRegistry {
  const endpoints: Readonly<ProviderEndpoints> = Object.freeze({
    ...defaultProviderEndpoints,
    ...options.endpoints,
  });
  const now = options.now ?? (() => new Date());

  return {
    endpoints,
    canVerifyApiKey: isVerifiable,
    async verifyApiKey(providerId, values, { signal } = {}) {
      if (!isVerifiable(providerId)) return { outcome: 'not_verifiable' };
      const verifier = verifiers.get(providerId);
      if (!verifier) return { outcome: 'not_verifiable' };
      signal?.throwIfAborted();
      const result = await verifier.verify(values, {
        fetch: options.fetch,
        baseUrl: endpoints[providerId],
        now,
        signal,
      });
      if (result.outcome === 'unavailable') {
        options.logger?.warn('The provider could not verify an API key.', {
          providerId,
          reason: result.reason,
          retryAfterSeconds: result.retryAfterSeconds,
        });
      }
      return result;
    },
  };
}
