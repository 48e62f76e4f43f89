import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { Credential } from '../credentials/backend';
import { useCredentialsBackend } from '../credentials/backend-context';
import { announceCredentialsChanged } from '../credentials/cross-tab-sync';
import type {
  OAuthFlowOutcome,
  OAuthFlowSnapshot,
  StartOAuthFlowOptions,
} from '../oauth/oauth-flow-types';
import { getSharedOAuthFlowController } from '../oauth/shared-controllers';
import { credentialKeys } from '../credentials/query-keys';
import { useProvider } from '../data-sources/use-credentials';
import { useMessages } from '../i18n/i18n-context';
import type {
  OAuthAuthorizeRequest,
  OAuthClientSettingsDialogProps,
} from '../dialogs/oauth-client-settings-dialog';
import type { OAuthStatusDialogProps } from '../dialogs/oauth-status-dialog';
import { focusReturnTarget } from '../ui/focus-return-target';
import { notify } from '../ui/lazy-toast';

/** Options of {@link useAddOAuth}. */
export interface UseAddOAuthOptions {
  providerId: string;
  /**
   * Called once a flow succeeded (the backend confirmed it) with the new or re-authorized
   * credential, e.g. to point the node at it. Not called if the credential could not be read
   * back; the credential list still refreshes.
   */
  onConnected?: (credential: Credential) => void;
}

/** Options of {@link UseAddOAuthResult.start}. */
export interface AddOAuthStartOptions {
  /** Re-authorize this credential instead of adding one. */
  credentialId?: string;
}

/**
 * The props of Add OAuth's two dialogs, as {@link useAddOAuth} keeps them; `AddOAuthDialogs`
 * renders them. Which dialog is open, and what closing it means, follow the flow's state.
 */
export interface AddOAuthDialogsState {
  /** The flow's status dialog (opening, waiting, blocked, and how it ended). */
  status: OAuthStatusDialogProps;
  /** **OAuth Client Settings**, with **Save and Authorize**. */
  clientSettings: OAuthClientSettingsDialogProps;
}

/** What {@link useAddOAuth} returns. */
export interface UseAddOAuthResult {
  /**
   * Starts **Add OAuth** (or re-authorizes with `credentialId`). Call it synchronously in the
   * click or menu-select handler: it opens the popup before anything is awaited. Without a
   * usable OAuth client it opens OAuth Client Settings instead.
   */
  start: (options?: AddOAuthStartOptions) => void;
  /** Opens **OAuth Client Settings** (with **Save and Authorize**). */
  openClientSettings: () => void;
  /** Where the provider's flow stands. */
  state: OAuthFlowSnapshot;
  /**
   * What the status and client settings dialogs show: pass the whole result to
   * `<AddOAuthDialogs oauth={…} />`, anywhere (they portal). State only, so the caller decides
   * where the dialogs sit in its tree.
   */
  dialogs: AddOAuthDialogsState;
}

/** Whether the status dialog has something to say (the other states belong to other UI). */
function statusShown(state: OAuthFlowSnapshot): boolean {
  switch (state.status) {
    case 'idle':
    case 'succeeded':
      // Success is a toast: there is nothing left to decide.
      return false;
    case 'opening':
      // While the client is saved, OAuth Client Settings shows the progress itself.
      return state.stage === 'start';
    case 'failed':
      return state.stage !== 'prepare';
    case 'cancelling':
      // After Cancel (or "I closed it — cancel") the dialog goes at once; the backend's answer
      // only matters if access had been granted first, and then a toast says so.
      return state.reason !== 'user';
    case 'cancelled':
      // Only Cancel ends a flow as cancelled; telling the user they cancelled would be noise.
      return false;
    default:
      return true;
  }
}

/**
 * **Add OAuth** for one provider: the popup flow (see `createOAuthFlowController`) and the state
 * of its status dialog and **OAuth Client Settings**, which `AddOAuthDialogs` renders. One flow
 * runs per provider across the whole UI: starting again while it waits brings its window to the
 * front. On success the credential list refreshes (in every tab) and a toast names the connected
 * account.
 *
 * ```tsx
 * const oauth = useAddOAuth({ providerId });
 * <button onClick={() => oauth.start()}>Add OAuth</button>
 * <AddOAuthDialogs oauth={oauth} />
 * ```
 */
export function useAddOAuth({ providerId, onConnected }: UseAddOAuthOptions): UseAddOAuthResult {
  const backend = useCredentialsBackend();
  const queryClient = useQueryClient();
  const messages = useMessages();
  const m = messages.oauth;
  const provider = useProvider(providerId).data ?? null;
  const providerName = provider?.name ?? providerId;
  const controller = useMemo(
    () => getSharedOAuthFlowController(backend, providerId),
    [backend, providerId],
  );
  const snapshot = useSyncExternalStore(
    controller.subscribe,
    controller.getSnapshot,
    controller.getSnapshot,
  );
  const [owner] = useState(() => Symbol('useAddOAuth'));
  const [settings, setSettings] = useState<{ open: boolean; setup: boolean }>({
    open: false,
    setup: false,
  });
  const trigger = useRef<HTMLElement | null>(null);
  const lastStart = useRef<AddOAuthStartOptions>({});
  const onConnectedRef = useRef(onConnected);
  useEffect(() => {
    onConnectedRef.current = onConnected;
  });

  const mine = controller.getOwner() === owner;
  const statusOpen = mine && !settings.open && statusShown(snapshot);

  const onSettled = useCallback(
    (outcome: OAuthFlowOutcome) => {
      if (outcome.status === 'succeeded') {
        void queryClient.invalidateQueries({ queryKey: credentialKeys.credentials(backend) });
        announceCredentialsChanged();
        const words = { provider: providerName, account: outcome.account };
        notify.success(
          outcome.outcome === 'reconnected'
            ? m.reconnectedToast({ ...words, name: outcome.credential?.name ?? null })
            : outcome.outcome === 'reauthorized'
              ? m.reauthorizedToast(words)
              : m.connectedToast(words),
        );
        if (outcome.credential) onConnectedRef.current?.(outcome.credential);
        return;
      }
      if (outcome.status === 'failed') {
        if (outcome.stage === 'prepare') {
          // OAuth Client Settings shows why the save failed; there is no flow to report on.
          controller.reset();
        } else if (outcome.error.code === 'oauth_client_required') {
          controller.reset();
          setSettings({ open: true, setup: true });
        }
      }
    },
    [backend, controller, queryClient, providerName, m],
  );

  const launch = useCallback(
    (options: Pick<StartOAuthFlowOptions, 'credentialId' | 'prepare' | 'onPrepared'>) => {
      controller.start({
        ...options,
        owner,
        onSettled,
        popupLoadingText: m.popupLoading({ provider: providerName }),
      });
    },
    [controller, owner, onSettled, m, providerName],
  );

  const rememberTrigger = () => {
    if (!trigger.current?.isConnected) trigger.current = focusReturnTarget();
  };

  const start = (options: AddOAuthStartOptions = {}) => {
    const busy = snapshot.status === 'opening' || snapshot.status === 'waiting';
    if (!busy) {
      trigger.current = null;
      rememberTrigger();
    }
    if (!busy && provider?.oauth?.clientMode === 'none') {
      setSettings({ open: true, setup: true });
      return;
    }
    if (!busy) lastStart.current = { credentialId: options.credentialId };
    launch({ credentialId: options.credentialId });
  };

  const openClientSettings = () => {
    rememberTrigger();
    setSettings({ open: true, setup: false });
  };

  const onAuthorize = ({ prepare }: OAuthAuthorizeRequest) => {
    lastStart.current = {};
    launch({
      prepare,
      // Once saved, the status dialog takes over from the settings dialog.
      onPrepared: () => setSettings({ open: false, setup: false }),
    });
  };

  // An abandoned flow (its panel closed) must not leave a popup, listener or timer behind, nor
  // stay completable at the backend: `reset` cancels it there.
  useEffect(
    () => () => {
      if (controller.getOwner() === owner) controller.reset();
    },
    [controller, owner],
  );

  // Focus goes back to what opened the dialogs once the last of them closed. Radix restores
  // focus from its own cleanup; scheduling after it lets this win when its target is gone.
  const anyOpen = settings.open || statusOpen;
  const wasOpen = useRef(false);
  useEffect(() => {
    const closedNow = wasOpen.current && !anyOpen;
    wasOpen.current = anyOpen;
    if (!closedNow) return;
    const target = trigger.current;
    trigger.current = null;
    if (!target) return;
    const timer = setTimeout(() => {
      if (target.isConnected) target.focus();
    }, 0);
    return () => clearTimeout(timer);
  }, [anyOpen]);

  const dialogs: AddOAuthDialogsState = {
    status: {
      state: snapshot,
      providerName,
      open: statusOpen,
      onOpenChange: (open) => {
        if (open || snapshot.status === 'cancelling') return;
        if (snapshot.status === 'opening' || snapshot.status === 'waiting') controller.cancel();
        else controller.reset();
      },
      onCancel: () => controller.cancel(),
      onFocusPopup: () => controller.focusPopup(),
      onReopenPopup: () => controller.reopenPopup(),
      // Try again repeats what was asked: a re-authorization stays one.
      onRetry: () => launch(lastStart.current),
      onOpenInNewTab: () => controller.openedInNewTab(),
      onOpenClientSettings: () => {
        controller.reset();
        setSettings({ open: true, setup: true });
      },
    },
    clientSettings: {
      providerId,
      open: settings.open,
      onOpenChange: (open) => setSettings((current) => ({ open, setup: open && current.setup })),
      onAuthorize,
      notice: settings.setup ? m.client.setupRequired({ provider: providerName }) : undefined,
    },
  };

  return { start, openClientSettings, state: snapshot, dialogs };
}
