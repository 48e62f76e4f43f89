/**
 * Whether a failed read is tried again: at most twice more, and only when the backend's
 * `CredentialsError` says retrying can help (a 5xx, a 429, a network failure). A 4xx never is.
 * It is part of every query's options, not only of our QueryClient's defaults, so a host that
 * passes its own QueryClient gets the same behaviour.
 */
export function retryRetryable(failureCount: number, error: Error): boolean {
  return failureCount < 2 && (error as { retryable?: unknown } | null)?.retryable === true;
}
