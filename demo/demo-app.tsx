import { DropdownMenu } from 'radix-ui';
import { useState } from 'react';
import {
  PipelineCanvas,
  PipelineConnectProvider,
  useAttentionCount,
  type CredentialsBackend,
  type Pipeline,
} from 'pipeline-connect';
import { clearPipeline, loadPipeline, savePipeline } from './pipeline-storage';
import { SettingsDialog } from './settings-dialog';
import { useHashRoute } from './use-hash-route';

/** Props of {@link DemoApp}. */
export interface DemoAppProps {
  backend: CredentialsBackend;
  /**
   * Restores the mock backend's seed (the demo's "Reset demo"). Absent on the full stack: a real
   * server's credentials are not the demo's to wipe, so Reset demo restores the pipeline only.
   */
  resetBackend?: () => void;
}

/** The demo: a host app embedding Pipeline Connect through its public API only. */
export function DemoApp({ backend, resetBackend }: DemoAppProps) {
  return (
    <PipelineConnectProvider backend={backend}>
      <DemoShell resetBackend={resetBackend} />
    </PipelineConnectProvider>
  );
}

const settingsRoute = 'settings/data-sources';

function DemoShell({ resetBackend }: { resetBackend?: () => void }) {
  const [initial] = useState(loadPipeline);
  const [route, navigate] = useHashRoute();
  const attention = useAttentionCount();
  const settingsOpen = route === settingsRoute || route.startsWith(`${settingsRoute}/`);
  const focusProviderId = route.startsWith(`${settingsRoute}/`)
    ? route.slice(settingsRoute.length + 1)
    : undefined;

  // A reload is the simplest way to start every query and the canvas from the restored state.
  const resetDemo = () => {
    clearPipeline();
    resetBackend?.();
    window.location.reload();
  };

  return (
    <div className="demo-shell" data-pc-root="" data-color-mode="light">
      <header className="demo-header">
        <span className="demo-app-name">Knowledge Pipeline</span>
        <DropdownMenu.Root>
          <DropdownMenu.Trigger
            className="demo-avatar"
            aria-label={
              attention > 0 ? `Account menu (${attention} need attention)` : 'Account menu'
            }
          >
            AL
            {attention > 0 ? (
              <span className="demo-avatar-badge" aria-hidden>
                {attention}
              </span>
            ) : null}
          </DropdownMenu.Trigger>
          <DropdownMenu.Portal>
            <DropdownMenu.Content
              className="demo-menu"
              align="end"
              sideOffset={6}
              data-pc-root=""
              data-color-mode="light"
            >
              <DropdownMenu.Label className="demo-menu-label">Ada Lovelace</DropdownMenu.Label>
              <DropdownMenu.Item
                className="demo-menu-item"
                onSelect={() => navigate(settingsRoute)}
              >
                Settings
                {attention > 0 ? (
                  <span className="demo-menu-count" aria-label={`${attention} need attention`}>
                    {attention}
                  </span>
                ) : null}
              </DropdownMenu.Item>
              <DropdownMenu.Separator className="demo-menu-separator" />
              <DropdownMenu.Item className="demo-menu-item" onSelect={resetDemo}>
                Reset demo
              </DropdownMenu.Item>
            </DropdownMenu.Content>
          </DropdownMenu.Portal>
        </DropdownMenu.Root>
      </header>
      <main className="demo-main">
        <PipelineCanvas
          defaultPipeline={initial}
          onPipelineChange={(pipeline: Pipeline) => savePipeline(pipeline)}
          onOpenSettings={(providerId) => navigate(`${settingsRoute}/${providerId}`)}
        />
      </main>
      <SettingsDialog
        open={settingsOpen}
        onClose={() => navigate(null)}
        providerId={focusProviderId}
      />
    </div>
  );
}
