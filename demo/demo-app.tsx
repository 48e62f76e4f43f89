import { DropdownMenu } from 'radix-ui';
import { useState } from 'react';
import {
  PipelineCanvas,
  PipelineConnectProvider,
  type CredentialsBackend,
  type Pipeline,
} from 'pipeline-connect';
import { clearPipeline, loadPipeline, savePipeline } from './pipeline-storage';

/** Props of {@link DemoApp}. */
export interface DemoAppProps {
  backend: CredentialsBackend;
  /** Restores the mock backend's seed (the demo's "Reset demo"). */
  resetBackend: () => void;
}

/** The demo: a host app embedding Pipeline Connect through its public API only. */
export function DemoApp({ backend, resetBackend }: DemoAppProps) {
  const [initial] = useState(loadPipeline);

  // A reload is the simplest way to start every query and the canvas from the restored state.
  const resetDemo = () => {
    clearPipeline();
    resetBackend();
    window.location.reload();
  };

  return (
    <PipelineConnectProvider backend={backend}>
      <div className="demo-shell" data-pc-root="" data-color-mode="light">
        <header className="demo-header">
          <span className="demo-app-name">Knowledge Pipeline</span>
          <DropdownMenu.Root>
            <DropdownMenu.Trigger className="demo-avatar" aria-label="Account menu">
              AL
            </DropdownMenu.Trigger>
            <DropdownMenu.Portal>
              <DropdownMenu.Content className="demo-menu" align="end" sideOffset={6}>
                <DropdownMenu.Label className="demo-menu-label">Ada Lovelace</DropdownMenu.Label>
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
          />
        </main>
      </div>
    </PipelineConnectProvider>
  );
}
