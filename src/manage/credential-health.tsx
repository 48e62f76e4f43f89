import type { Credential } from '../credentials/backend';
import { useMessages } from '../i18n/i18n-context';
import { RelativeTime } from '../ui/relative-time';
import { useNow } from '../ui/use-now';

/**
 * A credential's health with its age, under its name: when the provider last accepted an API
 * key ("Verified 2 hours ago"), when an OAuth grant's access token expires or expired. Nothing
 * when the backend knows neither. Moves on as time passes; the full date is on hover.
 */
export function CredentialHealth({ credential }: { credential: Credential }) {
  const m = useMessages().manage.health;
  const now = useNow();
  let line: { at: string; words: (time: string) => string } | null = null;
  if (credential.method === 'api_key' && credential.lastVerifiedAt) {
    line = { at: credential.lastVerifiedAt, words: (time) => m.verified({ time }) };
  } else if (credential.method === 'oauth2' && credential.expiresAt) {
    const expired = Date.parse(credential.expiresAt) <= now;
    line = {
      at: credential.expiresAt,
      words: (time) => (expired ? m.expired({ time }) : m.expires({ time })),
    };
  }
  if (!line) return null;
  return (
    <div className="pc-credential-health">
      <RelativeTime at={line.at}>{line.words}</RelativeTime>
    </div>
  );
}
