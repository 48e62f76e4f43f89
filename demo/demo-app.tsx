import { useState } from 'react';
import {
  PipelineCanvas,
  PipelineConnectProvider,
  useAttentionCount,
  type CredentialsBackend,
  type Pipeline,
} from 'pipeline-connect';
import { AccountMenu } from './account-menu';
import type { ActiveScenario } from './active-scenario';
import { clearPipeline, loadPipeline, savePipeline } from './pipeline-storage';
import { ScenarioBanner } from './scenario-banner';
import { SettingsDialog } from './settings-dialog';
import { useDemoPreferences, type DemoPreferencesState } from './use-demo-preferences';
import { useHashRoute } from './use-hash-route';

/** Props of {@link DemoApp}. */
export interface DemoAppProps {
  backend: CredentialsBackend;
  /**
   * Restores the mock backend's seed (the demo's "Reset demo"). Absent on the full stack: a real
   * server's credentials are not the demo's to wipe, so Reset demo restores the pipeline only.
   */
  resetBackend?: () => void;
  /** The mock scenario in effect, named in the header (none on the full stack). */
  scenario?: ActiveScenario;
}

/** The demo: a host app embedding Pipeline Connect through its public API only. */
export function DemoApp({ backend, resetBackend, scenario }: DemoAppProps) {
  const preferences = useDemoPreferences();
  return (
    <PipelineConnectProvider
      backend={backend}
      locale={preferences.locale}
      colorMode={preferences.colorMode}
    >
      <DemoShell preferences={preferences} resetBackend={resetBackend} scenario={scenario} />
    </PipelineConnectProvider>
  );
}

const settingsRoute = 'settings/data-sources';

interface DemoShellProps {
  preferences: DemoPreferencesState;
  resetBackend?: () => void;
  scenario?: ActiveScenario;
}

function DemoShell({ preferences, resetBackend, scenario }: DemoShellProps) {
  const [initial] = useState(loadPipeline);
  const [route, navigate] = useHashRoute();
  const attention = useAttentionCount();
  const { messages } = preferences;
  const settingsOpen = route === settingsRoute || route.startsWith(`${settingsRoute}/`);
  const focusProviderId = route.startsWith(`${settingsRoute}/`)
    ? route.slice(settingsRoute.length + 1)
    : undefined;

  // A reload is the simplest way to start every query and the canvas from the restored state.
  // Language and Theme are the visitor's settings, not demo data, so they stay.
  const resetDemo = () => {
    clearPipeline();
    resetBackend?.();
    window.location.reload();
  };

  return (
    <div className="demo-shell" data-pc-root="" data-color-mode={preferences.resolvedColorMode}>
      <header className="demo-header">
        <h1 className="demo-app-name">{messages.appName}</h1>
        {scenario ? <ScenarioBanner scenario={scenario} messages={messages} /> : null}
        <AccountMenu
          preferences={preferences}
          attention={attention}
          onOpenSettings={() => navigate(settingsRoute)}
          onResetDemo={resetDemo}
        />
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
        messages={messages}
        colorMode={preferences.resolvedColorMode}
      />
    </div>
  );
}
