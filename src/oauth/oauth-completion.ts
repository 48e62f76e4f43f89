/**
 * The OAuth completion page's logic: the provider redirects the popup here with `code` (or
 * `error`) and `state`; we hand them to the backend, tell the opener, and close the window.
 * Framework-free so a host can call it from whatever page it serves at the redirect URI.
 */
import type { CredentialsBackend, OAuthFlowStatus } from '../credentials/backend';
import { announceCredentialsChanged } from '../credentials/cross-tab-sync';
import {
  broadcastChannelFactory,
  OAUTH_MESSAGE_TYPE,
  oauthChannelName,
  type OAuthCompletionMessage,
} from './popup-messages';

/** How the completion page ended. */
export type OAuthCompletionStatus =
  | 'succeeded'
  | 'denied'
  | 'failed'
  | 'expired'
  | 'pending'
  /** The page was opened without `state` (not as a provider redirect). */
  | 'invalid';

/** What {@link completeOAuthPopup} did, for the page to show. */
export interface OAuthCompletionResult {
  status: OAuthCompletionStatus;
  flowId: string | null;
  /** Why it failed: the backend's flow error, or its rejection. */
  error: { code: string; message: string } | null;
  /** Whether the window is closing itself (it had an opener to return to). */
  closing: boolean;
}

/** The parts of the completion page's window the helper uses (injectable for tests). */
export interface OAuthCompletionWindow {
  opener: { postMessage(message: unknown, targetOrigin: string): void; closed?: boolean } | null;
  close(): void;
  history?: { replaceState(data: unknown, unused: string, url?: string | null): void };
}

/** Options of {@link completeOAuthPopup}. */
export interface CompleteOAuthPopupOptions {
  backend: CredentialsBackend;
  /** Defaults to `window.location`. */
  location?: { search: string; origin: string; pathname: string };
  /** Defaults to `window`. */
  window?: OAuthCompletionWindow;
  /** Opens a channel by name; `null` disables it. Defaults to `BroadcastChannel`. */
  createChannel?: ((name: string) => { postMessage(message: unknown): void; close(): void }) | null;
}

function toCompletionStatus(flow: OAuthFlowStatus): OAuthCompletionStatus {
  if (flow.status === 'failed' && flow.error?.code === 'access_denied') return 'denied';
  return flow.status;
}

/**
 * Completes an OAuth flow from the page the provider redirected the popup to:
 * reads `state`, `code` and `error` from the URL, calls `backend.completeOAuthCallback`, then
 * notifies the opener on the flow's `BroadcastChannel` and by `postMessage` to this origin only,
 * and closes the window. Opened without an opener (e.g. in a tab), it leaves the window open so
 * the page can say "you can close this window".
 *
 * The messages carry the flow id and status only; the opener confirms with the backend.
 */
export async function completeOAuthPopup(
  options: CompleteOAuthPopupOptions,
): Promise<OAuthCompletionResult> {
  const location = options.location ?? window.location;
  const win = options.window ?? (window as unknown as OAuthCompletionWindow);
  const createChannel =
    options.createChannel === undefined ? broadcastChannelFactory() : options.createChannel;

  const params = new URLSearchParams(location.search);
  const state = params.get('state');
  const code = params.get('code');
  const providerError = params.get('error');
  const issuer = params.get('iss');

  // The authorization code must not linger in the address bar or the session history.
  try {
    win.history?.replaceState(null, '', location.pathname);
  } catch {
    // Some embedders forbid history changes; the code is single-use anyway.
  }

  if (!state || (!code && !providerError)) {
    return { status: 'invalid', flowId: null, error: null, closing: false };
  }

  let flow: OAuthFlowStatus;
  try {
    flow = await options.backend.completeOAuthCallback({
      state,
      ...(code ? { code } : {}),
      ...(providerError ? { error: providerError } : {}),
      ...(issuer ? { iss: issuer } : {}),
    });
  } catch (error) {
    const body = error as { code?: unknown; message?: unknown };
    return {
      status: 'failed',
      flowId: null,
      error: {
        code: typeof body?.code === 'string' ? body.code : 'callback_failed',
        message: typeof body?.message === 'string' ? body.message : '',
      },
      closing: false,
    };
  }

  const status = toCompletionStatus(flow);
  const message: OAuthCompletionMessage = {
    type: OAUTH_MESSAGE_TYPE,
    flowId: flow.flowId,
    status: flow.status,
  };

  if (createChannel) {
    try {
      const channel = createChannel(oauthChannelName(flow.flowId));
      channel.postMessage(message);
      channel.close();
    } catch {
      // The opener also polls the backend; a missing channel only delays it by a second.
    }
  }
  if (flow.status === 'succeeded') {
    // Tabs that did not start the flow refresh their credential lists too.
    announceCredentialsChanged();
  }

  const opener = hasOpener(win) ? win.opener : null;
  if (opener) {
    try {
      opener.postMessage(message, location.origin);
    } catch {
      // A severed opener cannot receive it; polling still tells the opener.
    }
  }

  const result: OAuthCompletionResult = {
    status,
    flowId: flow.flowId,
    error: flow.error ? { code: flow.error.code, message: flow.error.message } : null,
    closing: Boolean(opener),
  };
  if (opener) win.close();
  return result;
}

function hasOpener(win: OAuthCompletionWindow): boolean {
  try {
    return Boolean(win.opener) && win.opener?.closed !== true;
  } catch {
    return false;
  }
}
