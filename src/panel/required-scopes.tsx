import { Check, X } from 'lucide-react';
import { useId } from 'react';
import type { Credential, Provider } from '../credentials/backend';
import { missingScopes } from '../data-sources/connection-state';
import { useMessages } from '../i18n/i18n-context';
import { Button } from '../ui/button';

/** Props of {@link RequiredScopes}. */
export interface RequiredScopesProps {
  provider: Provider;
  /** The credential the node uses. */
  credential: Credential;
  onReauthorize: (credential: Credential) => void;
}

/**
 * What the node needs from an OAuth grant, each need in plain words with a tick (granted) or a
 * cross (not), and **Re-authorize to add …** when one is missing: users can untick scopes on
 * Google's and Microsoft's consent pages, and the grant then connects but cannot read
 * everything. Nothing for an API key, or a grant whose scopes the backend does not know.
 */
export function RequiredScopes({ provider, credential, onReauthorize }: RequiredScopesProps) {
  const m = useMessages().panel.permissions;
  const titleId = useId();
  const needed = provider.oauth?.requiredScopes ?? [];
  if (credential.method !== 'oauth2' || credential.grantedScopes === null || !needed.length) {
    return null;
  }
  const missing = missingScopes(provider, credential);
  const [onlyMissing] = missing;
  return (
    <section className="pc-panel-section" aria-labelledby={titleId}>
      <h3 id={titleId} className="pc-panel-subtitle">
        {m.title}
      </h3>
      <ul className="pc-scope-list">
        {needed.map((need) => {
          const granted = !missing.includes(need);
          const Mark = granted ? Check : X;
          return (
            <li key={need.scope} className="pc-scope" data-granted={granted ? '' : undefined}>
              <Mark className="pc-scope-mark" aria-hidden size={14} strokeWidth={2.5} />
              <span>
                {need.purpose}
                <span className="pc-visually-hidden">
                  {`, ${granted ? m.granted : m.notGranted}`}
                </span>
              </span>
            </li>
          );
        })}
      </ul>
      {onlyMissing ? (
        <Button size="sm" onClick={() => onReauthorize(credential)}>
          {missing.length === 1
            ? m.reauthorizeToAdd({ purpose: onlyMissing.purpose })
            : m.reauthorizeToAddSeveral({ count: missing.length })}
        </Button>
      ) : null}
    </section>
  );
}
