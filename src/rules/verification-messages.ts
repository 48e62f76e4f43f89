/**
 * The sentence a backend answers each verdict of **Test** with (`VerificationReport.message`),
 * for a provider's display name: one place, so the mock and the reference server read alike.
 * Never a secret: the sentences are ours, not the provider's (its own words may echo what it was
 * sent).
 */
export const verificationMessages = {
  accepted: (name: string) => `${name} accepted this key.`,
  refused: (name: string) =>
    `${name} refused this key. Check that you copied all of it, and that it has not been revoked.`,
  /** A refusal of another field than a key: a self-hosted service's address (Firecrawl). */
  refusedAddress: (name: string) =>
    `${name} could not be checked at this address. Correct the address, then test again.`,
  unreachable: (name: string) =>
    `${name} could not be reached to check the key. Try again in a moment.`,
  rateLimited: (name: string, retryAfterSeconds: number | null) =>
    `${name} is limiting requests right now. Try again in ${waitOf(retryAfterSeconds)}.`,
  not_verifiable: (name: string) => `${name} keys cannot be checked before they are used.`,
} as const;

function waitOf(seconds: number | null): string {
  if (seconds === null || seconds <= 0) return 'a moment';
  return seconds === 1 ? '1 second' : `${seconds} seconds`;
}
