import { isCredentialsError } from '../credentials/credentials-error';
import type { Messages } from '../i18n/messages';

/**
 * Whether a failure means the service itself is down or out of reach (no response, or a 5xx),
 * rather than something about this request: a view then says the service is unavailable,
 * not that what it asked for is missing.
 */
export function isServiceUnavailable(error: unknown): boolean {
  return isCredentialsError(error) && (error.code === 'network_error' || error.status >= 500);
}

/**
 * The server's own words about a failure of its own (a 5xx), when it sent any: what an operator
 * wrote ("down for maintenance until 14:00") helps more than a general sentence. `null` otherwise.
 */
export function serverDetail(error: unknown): string | null {
  if (!isCredentialsError(error) || error.status < 500) return null;
  return error.message.trim() || null;
}

/** A sentence for any failure, saying what happened and whether retrying helps. */
export function errorMessage(error: unknown, messages: Messages): string {
  const m = messages.common.error;
  if (!isCredentialsError(error)) return m.unknown;
  switch (error.code) {
    case 'network_error':
      return m.network;
    case 'unauthorized':
      return m.unauthorized;
    case 'forbidden':
      return m.forbidden;
    case 'not_found':
      return m.notFound;
    case 'version_conflict':
      return m.conflict;
    case 'rate_limited':
      return m.rateLimited({ seconds: error.retryAfterSeconds });
    default: {
      const detail = serverDetail(error);
      if (detail) return `${m.server} ${m.details({ detail })}`;
      if (error.status >= 500) return m.server;
      return error.message || m.unknown;
    }
  }
}
