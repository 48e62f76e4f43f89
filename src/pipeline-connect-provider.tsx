import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import {
  CredentialUsageProvider,
  createCredentialUsageStore,
} from './data-sources/credential-usage';
import type { CredentialsBackend } from './credentials/backend';
import { CredentialsBackendProvider } from './credentials/backend-context';
import { useCrossTabSync } from './credentials/cross-tab-sync';
import { usePreloadDialogs } from './dialogs/lazy-dialogs';
import { I18nProvider, type BuiltInLocale } from './i18n/i18n-context';
import type { MessageOverrides } from './i18n/messages';
import { ColorModeProvider, type ColorMode } from './theme/color-mode';
import { LazyToaster } from './ui/lazy-toast';

/** Props of {@link PipelineConnectProvider}. */
export interface PipelineConnectProviderProps {
  /** Where credentials live: `createHttpCredentialsBackend(...)` or a host's own port. */
  backend: CredentialsBackend;
  /**
   * The host's QueryClient, to share its cache and devtools. Without one, the provider keeps its
   * own for the lifetime of the component.
   */
  queryClient?: QueryClient;
  locale?: BuiltInLocale;
  /** Overrides any message (or supplies a whole locale). */
  messages?: MessageOverrides;
  colorMode?: ColorMode;
  /** Render the toast outlet (set `false` if the host already renders sonner's `<Toaster>`). */
  toaster?: boolean;
  children?: ReactNode;
}

/** Everything Pipeline Connect's components need: backend, query cache, words and theme. */
export function PipelineConnectProvider({
  backend,
  queryClient,
  locale,
  messages,
  colorMode,
  toaster = true,
  children,
}: PipelineConnectProviderProps) {
  const [ownClient] = useState(() => queryClient ?? createPipelineConnectQueryClient());
  const [usageStore] = useState(createCredentialUsageStore);
  // The dialogs' code is loaded on demand; fetched while idle, it is there before any click.
  usePreloadDialogs();
  return (
    <QueryClientProvider client={queryClient ?? ownClient}>
      <CredentialsBackendProvider backend={backend}>
        <I18nProvider locale={locale} messages={messages}>
          <ColorModeProvider colorMode={colorMode}>
            <CredentialUsageProvider store={usageStore}>
              <CrossTabSync />
              {children}
              {toaster ? <LazyToaster /> : null}
            </CredentialUsageProvider>
          </ColorModeProvider>
        </I18nProvider>
      </CredentialsBackendProvider>
    </QueryClientProvider>
  );
}

/** A QueryClient with the defaults Pipeline Connect is tuned for. */
export function createPipelineConnectQueryClient(): QueryClient {
  // The retry policy is in every query's options (`retryRetryable`), so it needs no default here.
  return new QueryClient();
}

function CrossTabSync() {
  useCrossTabSync();
  return null;
}
