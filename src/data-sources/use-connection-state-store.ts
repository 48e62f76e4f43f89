import { useQueryClient } from '@tanstack/react-query';
import { useContext } from 'react';
import { useCredentialsBackend } from '../credentials/backend-context';
import { useLocale } from '../i18n/i18n-context';
import { ConnectionStateContext } from './connection-state-provider';
import { sharedConnectionStateStore, type ConnectionStateStore } from './connection-state-store';

/**
 * The connection-state store this view reads: its canvas's (`ConnectionStateProvider`), or,
 * outside one or under another backend or locale than the canvas's, the one shared per
 * QueryClient, backend and locale.
 */
export function useConnectionStateStore(): ConnectionStateStore {
  const canvasStore = useContext(ConnectionStateContext);
  const client = useQueryClient();
  const backend = useCredentialsBackend();
  const locale = useLocale();
  if (
    canvasStore &&
    canvasStore.client === client &&
    canvasStore.backend === backend &&
    canvasStore.locale === locale
  ) {
    return canvasStore;
  }
  const shared = sharedConnectionStateStore(client, backend, locale);
  // Nothing may have kept the shared store subscribed: read the cache as it is now.
  shared.refreshIfIdle();
  return shared;
}
