import { Dialog } from 'radix-ui';
import { X } from 'lucide-react';
import { DataSourceSettings } from 'pipeline-connect';
import type { DemoMessages } from './demo-messages';

/** Props of {@link SettingsDialog}. */
export interface SettingsDialogProps {
  open: boolean;
  onClose: () => void;
  /** The provider card to bring into view, from a node's "Open in Settings". */
  providerId?: string;
  messages: DemoMessages;
  /** The shell's resolved scheme: the dialog is a portal, so it carries the theme itself. */
  colorMode: 'light' | 'dark';
}

/** The host app's Settings, with Pipeline Connect's Data Sources as its one section. */
export function SettingsDialog({
  open,
  onClose,
  providerId,
  messages,
  colorMode,
}: SettingsDialogProps) {
  const words = messages.settingsDialog;
  return (
    <Dialog.Root open={open} onOpenChange={(next) => (next ? undefined : onClose())}>
      <Dialog.Portal>
        <Dialog.Overlay className="demo-overlay" />
        <Dialog.Content
          className="demo-settings"
          data-pc-root=""
          data-color-mode={colorMode}
          aria-describedby={undefined}
        >
          <header className="demo-settings-header">
            <Dialog.Title className="demo-settings-title">{messages.settings}</Dialog.Title>
            <Dialog.Close className="demo-icon-button" aria-label={words.close}>
              <X aria-hidden size={18} />
            </Dialog.Close>
          </header>
          <div className="demo-settings-body">
            <nav className="demo-settings-nav" aria-label={words.sections}>
              <a href="#/settings/data-sources" aria-current="page">
                {words.dataSources}
              </a>
            </nav>
            <section className="demo-settings-section" aria-labelledby="demo-data-sources-title">
              <h2 id="demo-data-sources-title" className="demo-settings-section-title">
                {words.dataSources}
              </h2>
              <DataSourceSettings focusProviderId={providerId} />
            </section>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
