/**
 * Whether a failed read is tried again: at most twice more, and only when the backend's
 * `CredentialsError` says retrying can help (a 5xx, a 429, a network failure). A 4xx never is.
 * It is part of every query's options, not only of our QueryClient's defaults, so a host that
 * passes its own QueryClient gets the same behaviour.
 */
export function retryRetryable(failureCount: number, error: Error): boolean {
  return failureCount < 2 && (error as { retryable?: unknown } | null)?.retryable === true;
}

/** How long each retry of a read waits: 300 ms before the first, 1 s before the second. */
const readRetryDelaysMs = [300, 1000] as const;

/**
 * The wait before a read is tried again. Short on purpose: TanStack Query's default backoff
 * (1 s, then 2 s) kept every node and panel on "Checking connection…" for about 5 s in an
 * outage; with these two retries an unavailable service shows as such within ~1.5 s, while a
 * single dropped request is still retried unseen. TanStack Query passes the failures before
 * the latest one (0 for the first retry).
 */
export function readRetryDelay(failureCount: number): number {
  return readRetryDelaysMs[Math.min(failureCount, readRetryDelaysMs.length - 1)]!;
}
