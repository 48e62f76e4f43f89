import { Settings2 } from 'lucide-react';
import { useState } from 'react';
import type { Credential, Provider } from '../credentials/backend';
import { ApiKeyDialog } from '../dialogs/lazy-dialogs';
import { ConnectMenu } from './connect-menu';
import { useMessages } from '../i18n/i18n-context';
import { Button } from '../ui/button';

/** Props of {@link ConnectControls}. */
export interface ConnectControlsProps {
  provider: Provider;
  /** The node is not connected yet: the primary **Connect**, else a secondary "Add credential". */
  primary: boolean;
  /** Overrides the trigger's words (Settings says **Configure**). */
  label?: string;
  /** Names the provider in the gear's label, where several providers share a page. */
  nameProviderInGear?: boolean;
  /** Starts Add OAuth; must stay synchronous (it opens the popup). */
  onAddOAuth: () => void;
  onOpenClientSettings: () => void;
  onCreated?: (credential: Credential) => void;
}

/**
 * **Connect** (or **Configure**) with its OAuth client gear and the Add API Key dialog, shared by
 * the side panel and the Settings cards. The dialog's open state lives here, not in the panel, so opening it re-renders only these controls (the dialog opens
 * within a frame or two even beside a long credential list).
 */
export function ConnectControls({
  provider,
  primary,
  label,
  nameProviderInGear = false,
  onAddOAuth,
  onOpenClientSettings,
  onCreated,
}: ConnectControlsProps) {
  const messages = useMessages();
  const m = messages.panel.connect;
  const [apiKeyOpen, setApiKeyOpen] = useState(false);
  return (
    <div className="pc-panel-actions">
      <ConnectMenu
        provider={provider}
        variant={primary ? 'primary' : 'secondary'}
        label={label ?? (primary ? m.connect : m.connectAnother)}
        onAddOAuth={onAddOAuth}
        onAddApiKey={() => setApiKeyOpen(true)}
      />
      {provider.methods.includes('oauth2') ? (
        <Button
          size="icon"
          aria-label={
            nameProviderInGear ? `${m.clientSettings} (${provider.name})` : m.clientSettings
          }
          title={m.clientSettings}
          onClick={onOpenClientSettings}
        >
          <Settings2 aria-hidden size={16} />
        </Button>
      ) : null}
      <ApiKeyDialog
        providerId={provider.id}
        open={apiKeyOpen}
        onOpenChange={setApiKeyOpen}
        onCreated={onCreated}
      />
    </div>
  );
}
