import { AlertTriangle } from 'lucide-react';
import { useId, type Ref } from 'react';
import { ProviderIcon } from '../data-sources/provider-icon';
import type { Provider } from '../credentials/backend';
import { AddOAuthDialogs } from '../connect/add-oauth-dialogs';
import { useAddOAuth } from '../connect/use-add-oauth';
import { useMessages } from '../i18n/i18n-context';
import { CredentialList } from '../manage/credential-list';
import { ConnectControls } from '../connect/connect-controls';
import type { ProviderHealth } from './provider-health';

/** Props of {@link ProviderCard}. */
export interface ProviderCardProps {
  provider: Provider;
  health: ProviderHealth;
  /** Highlights the card (e.g. when a node's panel linked to it). */
  highlighted?: boolean;
  /** The card's `<section>`, e.g. to scroll a linked provider into view and focus it. */
  ref?: Ref<HTMLElement>;
}

/**
 * One provider in Settings → Data Sources: its methods, **Configure** (→ Add OAuth / Add API
 * Key, with the OAuth client gear) and its credentials with every action of the credential list.
 */
export function ProviderCard({ provider, health, highlighted = false, ref }: ProviderCardProps) {
  const messages = useMessages();
  const m = messages.settings;
  const oauth = useAddOAuth({ providerId: provider.id });
  const titleId = useId();
  const attention = health.attention.length;
  return (
    <section
      ref={ref}
      className="pc-settings-card"
      aria-labelledby={titleId}
      data-provider-id={provider.id}
      data-attention={attention > 0 ? '' : undefined}
      data-highlighted={highlighted ? '' : undefined}
      tabIndex={-1}
    >
      <header className="pc-settings-card-header">
        <ProviderIcon src={provider.icon} size={32} />
        <div className="pc-settings-card-heading">
          <h3 id={titleId} className="pc-settings-card-title">
            {provider.name}
          </h3>
          <ul className="pc-badges" aria-label={m.methodsLabel}>
            {provider.methods.map((method) => (
              <li key={method} className="pc-badge">
                {m.methods[method]}
              </li>
            ))}
          </ul>
        </div>
        <div className="pc-settings-card-actions">
          <ConnectControls
            provider={provider}
            primary={false}
            label={m.configure}
            nameProviderInGear
            onAddOAuth={() => oauth.start()}
            onOpenClientSettings={oauth.openClientSettings}
          />
        </div>
      </header>
      {provider.description ? (
        <p className="pc-settings-card-description">{provider.description}</p>
      ) : null}
      {attention > 0 ? (
        <p className="pc-settings-attention">
          <AlertTriangle aria-hidden size={14} />
          {m.needsAttention({ count: attention })}
        </p>
      ) : null}
      {health.credentials.length === 0 ? (
        <p className="pc-settings-empty">{m.notConfigured}</p>
      ) : (
        <CredentialList
          providerId={provider.id}
          onReauthorize={(credential) => oauth.start({ credentialId: credential.id })}
        />
      )}
      <AddOAuthDialogs oauth={oauth} />
    </section>
  );
}
