/** The OAuth flow controller's public shapes: its snapshots, outcomes, options and injected windows. */
import type {
  Credential,
  CredentialsBackend,
  OAuthCredentialOutcome,
} from '../credentials/backend';

/** Why a flow failed. `cause` is the backend's rejection, when there was one. */
export interface OAuthFlowFailure {
  code: string;
  /** The backend's sentence for people, when it gave one. */
  message: string | null;
  cause?: unknown;
}

/** What a successful flow produced. */
export interface OAuthFlowSuccess {
  providerId: string;
  flowId: string;
  credentialId: string;
  /** The credential as the backend lists it, or `null` if it could not be read back. */
  credential: Credential | null;
  /** The connected account's name, when known. */
  account: string | null;
  /**
   * What the flow did to the credential: `created` it, `reauthorized` the one it was started for
   * (`start({ credentialId })`), or `reconnected` one already connected to the same account.
   */
  outcome: OAuthCredentialOutcome;
}

/** Where the flow stands. `data-status` attributes in the UI use these names. */
export type OAuthFlowSnapshot =
  | { status: 'idle' }
  | {
      status: 'opening';
      providerId: string;
      /** `prepare`: the caller's step before the flow starts (e.g. saving the client). */
      stage: 'prepare' | 'start';
    }
  | {
      status: 'waiting';
      providerId: string;
      flowId: string;
      authorizationUrl: string;
      /** The consent page was opened in a tab we hold no reference to (no focus, no close). */
      inTab: boolean;
      /**
       * The popup reads closed. That is not a cancel: a provider's Cross-Origin-Opener-Policy
       * makes a popup that is still open read closed, so the flow keeps waiting for the backend.
       * The user can say they closed it (`cancel`) or open it again (`reopenPopup`).
       * Absent means `false`.
       */
      popupClosed?: boolean;
    }
  | {
      status: 'cancelling';
      providerId: string;
      flowId: string;
      /** `user`: Cancel was pressed; `timeout`: the flow's `expiresAt` passed. */
      reason: 'user' | 'timeout';
    }
  | {
      status: 'blocked';
      providerId: string;
      /** Known once the backend started the flow; used by "open in a new tab". */
      authorizationUrl: string | null;
      /** How many times the browser refused the popup in this flow. */
      attempts: number;
    }
  | ({ status: 'succeeded' } & OAuthFlowSuccess)
  | { status: 'denied'; providerId: string; flowId: string }
  | {
      status: 'failed';
      providerId: string;
      flowId: string | null;
      /** `prepare` failures belong to the caller's own UI (e.g. field errors in a form). */
      stage: 'prepare' | 'start' | 'flow';
      error: OAuthFlowFailure;
    }
  | {
      status: 'expired';
      providerId: string;
      flowId: string;
      /** `backend`: the backend said so; `timeout`: the flow's `expiresAt` passed here. */
      reason: 'backend' | 'timeout';
    }
  | {
      status: 'cancelled';
      providerId: string;
      flowId: string | null;
      /** Cancel was pressed (a popup that reads closed never cancels a flow by itself). */
      reason: 'user';
    };

/** The names of {@link OAuthFlowSnapshot}'s states. */
export type OAuthFlowStatusName = OAuthFlowSnapshot['status'];

/** A finished flow's snapshot. */
export type OAuthFlowOutcome = Extract<
  OAuthFlowSnapshot,
  { status: 'succeeded' | 'denied' | 'failed' | 'expired' | 'cancelled' }
>;

/** The parts of a popup window the flow uses. */
export interface OAuthPopupWindow {
  readonly closed: boolean;
  close(): void;
  focus(): void;
  location: { replace(url: string): void };
  document?: {
    title: string;
    body: { textContent: string | null; style?: Partial<CSSStyleDeclaration> } | null;
  };
}

/** The parts of the opener window the flow uses (injectable for tests). */
export interface OAuthFlowWindow {
  open(url: string, target: string, features: string): OAuthPopupWindow | null;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  location: { origin: string };
  screenX?: number;
  screenY?: number;
  outerWidth?: number;
  outerHeight?: number;
}

/** The parts of a `BroadcastChannel` the flow uses. */
export interface OAuthChannel {
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  close(): void;
}

/**
 * Options of {@link createOAuthFlowController}. How long a flow waits is not an option: it is
 * the flow's own `expiresAt`, as the backend set it.
 */
export interface OAuthFlowControllerOptions {
  backend: CredentialsBackend;
  providerId: string;
  /** Defaults to the global `window`. */
  window?: OAuthFlowWindow;
  /** Opens a channel by name; `null` disables the channel. Defaults to `BroadcastChannel`. */
  createChannel?: ((name: string) => OAuthChannel) | null;
  /** How often the backend is asked while waiting (ms). */
  pollIntervalMs?: number;
}

/** Options of {@link OAuthFlowController.start}. */
export interface StartOAuthFlowOptions {
  /** Re-authorize this credential instead of adding one. */
  credentialId?: string;
  /**
   * A step to run after the popup opened and before the flow starts, e.g. saving the OAuth
   * client ("Save and Authorize"). A rejection closes the popup and ends the flow as `failed`
   * with stage `prepare`; the caller shows that error itself.
   */
  prepare?: () => Promise<void>;
  /** Called once when `prepare` resolved, right before the flow starts. */
  onPrepared?: () => void;
  /**
   * Called once when the flow ends, whichever way. Not on `reset` (or a new `start` over a flow
   * being cancelled) — unless the backend then says the flow had succeeded: the credential
   * exists, so the caller still hears of it.
   */
  onSettled?: (outcome: OAuthFlowOutcome) => void;
  /** Who started the flow; read back with {@link OAuthFlowController.getOwner}. */
  owner?: unknown;
  /** Words written into the blank popup while the backend prepares the consent page. */
  popupLoadingText?: string;
}

/** Drives one provider's OAuth flows, one at a time. */
export interface OAuthFlowController {
  readonly providerId: string;
  getSnapshot(): OAuthFlowSnapshot;
  subscribe(listener: () => void): () => void;
  /**
   * Opens the popup and starts a flow. Call it synchronously inside the click handler. While a
   * flow is opening or waiting, it focuses that flow's window instead of starting another; in
   * the `blocked` state it tries the popup again for the same flow. A flow still `cancelling`
   * gives way to the new one.
   */
  start(options?: StartOAuthFlowOptions): void;
  /**
   * Cancel (also "I closed it — cancel"): closes the popup and cancels the flow at the backend.
   * While waiting, the state is `cancelling` until the backend answers (a few seconds at most),
   * then `cancelled` — or `succeeded`, `denied`… when the flow had ended first. Before the
   * consent page was shown it ends at once; a blocked flow just ends, to `idle`.
   */
  cancel(): void;
  /** Brings the popup to the front. */
  focusPopup(): void;
  /**
   * While waiting ("Open it again", for a popup that reads closed): opens the same flow's
   * consent page in a new popup. Call it synchronously inside the click handler. If the
   * browser blocks it, the state is `blocked` and the flow goes on listening.
   */
  reopenPopup(): void;
  /** In the `blocked` state: the user opened the authorization URL in a tab; wait for it. */
  openedInNewTab(): void;
  /**
   * Ends any flow without an outcome (closing its popup, cancelling it at the backend) and
   * returns to `idle`. Should the backend say the flow had already succeeded, its `onSettled`
   * still hears of it.
   */
  reset(): void;
  /** The `owner` the current flow was started with. */
  getOwner(): unknown;
}
