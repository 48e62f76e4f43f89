/**
 * What the credential service needs from the provider registry: a verdict on a key. The registry
 * (`server/src/providers`) makes the provider's real verification request through the SSRF guard.
 */
import type { CredentialValues } from '../../../src/credentials/backend';
import { ApiError, validationFailed } from '../http/api-error';

export type VerificationResult =
  | { outcome: 'accepted' }
  | { outcome: 'refused'; field: string; message: string }
  | {
      outcome: 'unavailable';
      message: string;
      retryAfterSeconds: number | null;
      /**
       * `rate_limited` when the provider answered 429; `unreachable` (or absent, for a host's
       * verifier written before it existed) for anything else. Only **Test** tells them apart:
       * a create or an edit answers 502/503 `provider_unavailable` for both.
       */
      reason?: 'rate_limited' | 'unreachable';
    }
  | { outcome: 'not_verifiable' };

export interface ApiKeyVerifier {
  verifyApiKey(
    providerId: string,
    values: CredentialValues,
    options?: { signal?: AbortSignal },
  ): Promise<VerificationResult>;
}

/** A verifier that accepts everything without a call (for hosts that verify elsewhere). */
export const noVerification: ApiKeyVerifier = {
  verifyApiKey: async () => ({ outcome: 'not_verifiable' }),
};

/**
 * Turns a verdict into the contract's answer: a refused key is a field error on the secret (422
 * `credential_rejected`), an unreachable provider a retryable 502/503 `provider_unavailable`.
 * Nothing is stored in either case.
 */
export function assertAccepted(result: VerificationResult, providerName: string): void {
  if (result.outcome === 'refused') {
    throw validationFailed(
      { [result.field]: result.message },
      'The provider refused this key.',
      'credential_rejected',
    );
  }
  if (result.outcome === 'unavailable') {
    const retryAfter = result.retryAfterSeconds;
    throw new ApiError(
      retryAfter === null ? 502 : 503,
      {
        code: 'provider_unavailable',
        message: `${providerName} could not be reached to check the key. Try again in a moment.`,
        retryable: true,
      },
      retryAfter === null ? {} : { 'Retry-After': String(retryAfter) },
    );
  }
}
