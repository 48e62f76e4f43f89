import type { Credential } from '../credentials/backend';
import { useMessages } from '../i18n/i18n-context';
import { RelativeTime } from '../ui/relative-time';
import { useNow } from '../ui/use-now';

/** The backend's code for a grant the provider gave no refresh token. */
const NO_REFRESH_TOKEN = 'no_refresh_token';

/**
 * A credential's health with its age, under its name: a refresh the provider refused ("Refresh
 * failed 10 minutes ago — re-authorize") first; else when the provider last accepted an API key
 * ("Verified 2 hours ago"), when an OAuth grant's access token expires or expired. Nothing when
 * the backend knows none of it. Moves on as time passes; the full date is on hover.
 */
export function CredentialHealth({ credential }: { credential: Credential }) {
  const m = useMessages().manage.health;
  const now = useNow();
  let line: { at: string; words: (time: string) => string } | null = null;
  // Without a refresh token nothing failed yet: the grant just cannot renew itself. The backend
  // says so up front (`refreshable`), or once a refresh found none (a grant it stored earlier).
  const noRenewal =
    credential.refreshable === false || credential.lastError?.code === NO_REFRESH_TOKEN;
  const problem = credential.lastError?.code === NO_REFRESH_TOKEN ? null : credential.lastError;
  if (problem && !problem.at) {
    return (
      <div className="pc-credential-health" data-problem="">
        {m.refreshFailedUndated}
      </div>
    );
  }
  if (problem?.at) {
    line = { at: problem.at, words: (time) => m.refreshFailed({ time }) };
  } else if (credential.method === 'api_key' && credential.lastVerifiedAt) {
    line = { at: credential.lastVerifiedAt, words: (time) => m.verified({ time }) };
  } else if (credential.method === 'oauth2' && credential.expiresAt) {
    const expired = Date.parse(credential.expiresAt) <= now;
    line = {
      at: credential.expiresAt,
      words: (time) =>
        expired
          ? m.expired({ time })
          : noRenewal
            ? m.expiresNoRenewal({ time })
            : m.expires({ time }),
    };
  }
  if (!line) return null;
  return (
    <div className="pc-credential-health" data-problem={problem || noRenewal ? '' : undefined}>
      <RelativeTime at={line.at}>{line.words}</RelativeTime>
    </div>
  );
}
