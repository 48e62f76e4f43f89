import { isCredentialsError } from '../credentials/credentials-error';
import type { Messages } from '../i18n/messages';

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
    default:
      if (error.status >= 500) return m.server;
      return error.message || m.unknown;
  }
}
