/**
 * The OAuth flow, framework-free: opens the provider's consent page in a popup and waits for the
 * backend to say how it ended. React binds to it through `subscribe`/`getSnapshot`; tests drive it
 * with fake timers and an injected window, channel factory and backend.
 *
 * Why it is shaped this way (DESIGN.md §2, "The OAuth flow"):
 * - The popup is opened synchronously inside the user's click: browsers block a `window.open`
 *   that happens after an `await`. Only then do we talk to the backend.
 * - The completion page tells us it is done on a per-flow `BroadcastChannel` and by
 *   `postMessage`, but those are hints: any page of the origin could send them. A hint only
 *   triggers an immediate poll of `getOAuthFlow`; **the backend alone decides "connected"**.
 * - A provider's Cross-Origin-Opener-Policy severs our reference to the popup: `popup.closed`
 *   reads `true` while the consent page is still open. So a popup that reads closed is never a
 *   cancel by itself: the flow says the window may have closed, offers to cancel or to open it
 *   again, and keeps asking the backend until the flow ends or its own `expiresAt` passes.
 * - Every exit the backend did not decide (Cancel, the timeout, `reset` on unmount, a new flow
 *   over an old one, a refused URL) cancels the flow at the backend (`cancelOAuthFlow`), so an
 *   abandoned flow can never complete. Where the user waits on it, the cancel's answer decides:
 *   a flow that won the race ends as `succeeded`, since access was granted.
 * - Each answer we wait for after the flow's outcome is known (the cancel, the credential
 *   read-back) is bounded: the dialog never hangs on a stalled request.
 */
import type {
  Credential,
  OAuthCredentialOutcome,
  OAuthFlowStart,
  OAuthFlowStatus,
} from '../credentials/backend';
import { isCredentialsError } from '../credentials/credentials-error';
import type {
  OAuthChannel,
  OAuthFlowController,
  OAuthFlowControllerOptions,
  OAuthFlowFailure,
  OAuthFlowOutcome,
  OAuthFlowSnapshot,
  OAuthFlowWindow,
  OAuthPopupWindow,
  StartOAuthFlowOptions,
} from './oauth-flow-types';
import { isOpenableAuthorizationUrl, UNSAFE_AUTHORIZATION_URL } from './oauth-popup-url';
import { isOAuthCompletionMessage, oauthChannelName } from './popup-messages';

const defaults = {
  pollIntervalMs: 1000,
};

/* How long a cancel or the credential read-back may take: past it, the flow ends without the
 * answer (as cancelled, or as succeeded without the account name) rather than hang the dialog. */
const answerTimeoutMs = 5_000;
/* An `expiresAt` this close to (or behind) our clock says more about clock skew than about the
 * flow; the flow is then given the lifetime flows have (DESIGN.md §2: 10 minutes), and the
 * backend's own `expired` still ends it on time. */
const minimumTrustedExpiryMs = 30_000;
const skewedClockLifetimeMs = 10 * 60_000;
/* A little slack so the backend's `expired` (with its reason) usually arrives before our own. */
const expiryGraceMs = 2_000;

const popupSize = { width: 520, height: 680 };

interface Session {
  owner: unknown;
  options: StartOAuthFlowOptions;
  popup: OAuthPopupWindow | null;
  stage: 'prepare' | 'start';
  flow: OAuthFlowStart | null;
  /** When we stop waiting (epoch ms): the flow's `expiresAt`, read as the flow started. */
  deadline: number;
  attempts: number;
  ended: boolean;
  /** `onSettled` was called (it is called once). */
  settled: boolean;
  waiting: boolean;
  inTab: boolean;
  /** The popup read closed (it may not be: COOP). */
  popupClosed: boolean;
  /** The backend said `succeeded`; only the credential read-back is left. */
  succeeding: boolean;
  /** Waiting for the backend to answer our cancel. */
  cancelling: boolean;
  /** The one cancel request of the session: its answer, or `null` without one. */
  cancelRequest: Promise<OAuthFlowStatus | null> | null;
  abort: AbortController;
  cleanups: (() => void)[];
  pollTimer: ReturnType<typeof setTimeout> | undefined;
  polling: boolean;
  pollAgain: boolean;
}

function defaultChannelFactory(): ((name: string) => OAuthChannel) | null {
  return typeof BroadcastChannel === 'undefined' ? null : (name) => new BroadcastChannel(name);
}

/** Errors that will not go away by asking again: the flow is unknown or we may not read it. */
function isFatalPollError(error: unknown): boolean {
  return (
    isCredentialsError(error) &&
    !error.retryable &&
    error.status >= 400 &&
    error.status < 500 &&
    error.status !== 429
  );
}

function failureFrom(error: unknown, fallbackCode: string): OAuthFlowFailure {
  if (isCredentialsError(error))
    return { code: error.code, message: error.message || null, cause: error };
  return { code: fallbackCode, message: null, cause: error };
}

/** `promise`'s value, or `null` once `ms` passed without one; the timer never outlives it. */
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Creates a controller for one provider's OAuth flows. Hosts usually reach it through
 * `useAddOAuth`; use it directly to build your own UI.
 */
export function createOAuthFlowController(
  options: OAuthFlowControllerOptions,
): OAuthFlowController {
  const { backend, providerId } = options;
  const pollIntervalMs = options.pollIntervalMs ?? defaults.pollIntervalMs;
  const createChannel =
    options.createChannel === undefined ? defaultChannelFactory() : options.createChannel;
  const getWindow = (): OAuthFlowWindow => options.window ?? (window as unknown as OAuthFlowWindow);

  let snapshot: OAuthFlowSnapshot = { status: 'idle' };
  let session: Session | null = null;
  const listeners = new Set<() => void>();

  function setSnapshot(next: OAuthFlowSnapshot) {
    snapshot = next;
    listeners.forEach((listener) => listener());
  }

  function isLive(s: Session): boolean {
    return session === s && !s.ended;
  }

  function openPopup(loadingText: string | undefined): OAuthPopupWindow | null {
    const win = getWindow();
    const left = Math.round(
      (win.screenX ?? 0) + Math.max(0, ((win.outerWidth ?? 0) - popupSize.width) / 2),
    );
    const top = Math.round(
      (win.screenY ?? 0) + Math.max(0, ((win.outerHeight ?? 0) - popupSize.height) / 2),
    );
    // No `noopener`: it would make `open` return null and leave us unable to navigate the popup.
    const features = `popup=yes,width=${popupSize.width},height=${popupSize.height},left=${left},top=${top}`;
    let popup: OAuthPopupWindow | null;
    try {
      popup = win.open('about:blank', `pipeline-connect-oauth-${providerId}`, features);
    } catch {
      popup = null;
    }
    if (popup && loadingText) {
      // A blank white window for a second looks broken; say what is happening. Text only.
      try {
        const doc = popup.document;
        if (doc) {
          doc.title = loadingText;
          if (doc.body) {
            doc.body.textContent = loadingText;
            if (doc.body.style) {
              doc.body.style.font = '15px system-ui, sans-serif';
              doc.body.style.padding = '24px';
            }
          }
        }
      } catch {
        // The popup's document is not ours to touch (it already navigated): nothing to do.
      }
    }
    return popup;
  }

  function closePopup(s: Session) {
    const popup = s.popup;
    if (!popup) return;
    try {
      if (!popup.closed) popup.close();
    } catch {
      // A severed (COOP) window reference may throw; there is nothing left to close.
    }
  }

  /** Removes every listener, timer and channel of the session (idempotent). */
  function teardown(s: Session) {
    s.waiting = false;
    if (s.pollTimer !== undefined) {
      clearTimeout(s.pollTimer);
      s.pollTimer = undefined;
    }
    const cleanups = s.cleanups.splice(0);
    cleanups.forEach((cleanup) => cleanup());
  }

  function settle(s: Session, outcome: OAuthFlowOutcome) {
    if (s.settled) return;
    s.settled = true;
    s.options.onSettled?.(outcome);
  }

  /**
   * Ends the session with an outcome (or silently with `null`) and closes its popup. Unless the
   * backend itself ended the flow, the flow is cancelled there too.
   */
  function finish(
    s: Session,
    outcome: OAuthFlowOutcome | null,
    how: { backendEnded?: boolean } = {},
  ) {
    if (s.ended) return;
    s.ended = true;
    teardown(s);
    s.abort.abort();
    closePopup(s);
    if (!how.backendEnded && !s.succeeding) void abandonAtBackend(s);
    if (session !== s) return;
    if (!outcome) {
      session = null;
      setSnapshot({ status: 'idle' });
      return;
    }
    setSnapshot(outcome);
    settle(s, outcome);
  }

  function failed(
    s: Session,
    stage: 'prepare' | 'start' | 'flow',
    error: OAuthFlowFailure,
    how: { backendEnded?: boolean } = {},
  ) {
    finish(s, { status: 'failed', providerId, flowId: s.flow?.flowId ?? null, stage, error }, how);
  }

  /** Cancels the session's flow at the backend, once: the flow's status after it, or `null`. */
  function cancelAtBackend(s: Session): Promise<OAuthFlowStatus | null> {
    const flow = s.flow;
    if (!flow) return Promise.resolve(null);
    s.cancelRequest ??= withTimeout(backend.cancelOAuthFlow(flow.flowId), answerTimeoutMs).catch(
      () => null,
    );
    return s.cancelRequest;
  }

  /** Cancels an abandoned flow; if access had been granted first, the caller still hears of it. */
  async function abandonAtBackend(s: Session) {
    const status = await cancelAtBackend(s);
    if (status?.status === 'succeeded' && status.credentialId) {
      void succeed(s, status.flowId, status.credentialId, status.outcome);
    }
  }

  function blockedSnapshot(s: Session): OAuthFlowSnapshot {
    return {
      status: 'blocked',
      providerId,
      authorizationUrl: s.flow?.authorizationUrl ?? null,
      attempts: s.attempts,
    };
  }

  function waitingSnapshot(s: Session, flow: OAuthFlowStart): OAuthFlowSnapshot {
    return {
      status: 'waiting',
      providerId,
      flowId: flow.flowId,
      authorizationUrl: flow.authorizationUrl,
      inTab: s.inTab,
      popupClosed: s.popupClosed,
    };
  }

  function navigate(s: Session, flow: OAuthFlowStart) {
    try {
      s.popup?.location.replace(flow.authorizationUrl);
    } catch (error) {
      failed(s, 'start', failureFrom(error, 'popup_navigation_failed'));
      return false;
    }
    return true;
  }

  async function run(s: Session) {
    const { prepare, credentialId } = s.options;
    // `prepare` closes over the caller's form (a Client Secret, say): drop it as soon as it is
    // taken, so the long-lived controller does not keep the secret reachable after the flow.
    s.options = { ...s.options, prepare: undefined };
    if (prepare) {
      try {
        await prepare();
      } catch (error) {
        if (isLive(s)) failed(s, 'prepare', failureFrom(error, 'prepare_failed'));
        return;
      }
      if (!isLive(s)) return;
      s.options.onPrepared?.();
    }
    s.stage = 'start';
    if (s.popup) setSnapshot({ status: 'opening', providerId, stage: 'start' });

    let flow: OAuthFlowStart;
    try {
      flow = await backend.startOAuth(providerId, credentialId ? { credentialId } : undefined);
    } catch (error) {
      if (isLive(s)) failed(s, 'start', failureFrom(error, 'start_failed'));
      return;
    }
    s.flow = flow;
    // Cancelled meanwhile: the flow the backend just created must not be completable either.
    if (!isLive(s)) {
      void abandonAtBackend(s);
      return;
    }
    const untilExpiry = Date.parse(flow.expiresAt) - Date.now();
    s.deadline =
      Date.now() +
      (untilExpiry >= minimumTrustedExpiryMs ? untilExpiry + expiryGraceMs : skewedClockLifetimeMs);
    if (!isOpenableAuthorizationUrl(flow.authorizationUrl)) {
      failed(s, 'start', { code: UNSAFE_AUTHORIZATION_URL, message: null });
      return;
    }
    if (!s.popup) {
      setSnapshot(blockedSnapshot(s));
      return;
    }
    if (navigate(s, flow)) beginWaiting(s);
  }

  /** Waits for the flow's outcome (listeners, polling, the deadline), or shows that it does. */
  function beginWaiting(s: Session) {
    const flow = s.flow;
    if (!flow || !isLive(s)) return;
    if (s.waiting) {
      setSnapshot(waitingSnapshot(s, flow));
      return;
    }
    s.waiting = true;
    const win = getWindow();
    const flowId = flow.flowId;

    const onWindowMessage = (event: MessageEvent) => {
      if (event.origin !== win.location.origin) return;
      if (s.popup && event.source !== s.popup) return;
      if (!isOAuthCompletionMessage(event.data, flowId)) return;
      pollNow(s);
    };
    win.addEventListener('message', onWindowMessage);
    s.cleanups.push(() => win.removeEventListener('message', onWindowMessage));

    if (createChannel) {
      try {
        const channel = createChannel(oauthChannelName(flowId));
        const onChannelMessage = (event: MessageEvent) => {
          if (isOAuthCompletionMessage(event.data, flowId)) pollNow(s);
        };
        channel.addEventListener('message', onChannelMessage);
        s.cleanups.push(() => {
          channel.removeEventListener('message', onChannelMessage);
          channel.close();
        });
      } catch {
        // Without a channel, postMessage and polling still carry the outcome.
      }
    }

    const timeoutTimer = setTimeout(
      () => {
        if (isLive(s)) void cancelWhileWaiting(s, 'timeout');
      },
      Math.max(0, s.deadline - Date.now()),
    );
    s.cleanups.push(() => clearTimeout(timeoutTimer));

    setSnapshot(waitingSnapshot(s, flow));
    schedulePoll(s, pollIntervalMs);
  }

  function schedulePoll(s: Session, delay: number) {
    if (!s.waiting) return;
    if (s.pollTimer !== undefined) clearTimeout(s.pollTimer);
    s.pollTimer = setTimeout(() => {
      s.pollTimer = undefined;
      void poll(s);
    }, delay);
  }

  function pollNow(s: Session) {
    if (!s.waiting) return;
    if (s.polling) {
      s.pollAgain = true;
      return;
    }
    if (s.pollTimer !== undefined) {
      clearTimeout(s.pollTimer);
      s.pollTimer = undefined;
    }
    void poll(s);
  }

  function readsClosed(s: Session): boolean {
    if (!s.popup) return false;
    try {
      return s.popup.closed;
    } catch {
      return false;
    }
  }

  /** A popup that reads closed changes what the dialog says, never how the flow ends. */
  function noticeClosedPopup(s: Session, flow: OAuthFlowStart) {
    if (s.popupClosed || !readsClosed(s)) return;
    s.popupClosed = true;
    if (snapshot.status === 'waiting') setSnapshot(waitingSnapshot(s, flow));
  }

  /** The outcome a backend status stands for; `null` while it is pending. */
  function endedOutcome(
    flowId: string,
    status: OAuthFlowStatus,
  ): Exclude<OAuthFlowOutcome, { status: 'succeeded' }> | null {
    switch (status.status) {
      case 'pending':
      case 'succeeded':
        return null;
      case 'expired':
        return { status: 'expired', providerId, flowId, reason: 'backend' };
      case 'failed':
        if (status.error?.code === 'access_denied') return { status: 'denied', providerId, flowId };
        return {
          status: 'failed',
          providerId,
          flowId,
          stage: 'flow',
          error: {
            code: status.error?.code ?? 'flow_failed',
            message: status.error?.message ?? null,
          },
        };
    }
  }

  async function poll(s: Session) {
    const flow = s.flow;
    if (!flow || !s.waiting) return;
    s.polling = true;
    noticeClosedPopup(s, flow);
    let status: OAuthFlowStatus;
    try {
      status = await backend.getOAuthFlow(flow.flowId, { signal: s.abort.signal });
    } catch (error) {
      if (!isLive(s) || !s.waiting) return;
      if (isFatalPollError(error)) {
        failed(s, 'flow', failureFrom(error, 'poll_failed'));
        return;
      }
      // A network blip or a 5xx/429: keep asking; the flow's deadline bounds how long.
      schedulePoll(s, pollIntervalMs);
      return;
    } finally {
      s.polling = false;
    }
    if (!isLive(s) || !s.waiting) return;

    if (status.status === 'succeeded') {
      if (status.credentialId) void succeed(s, flow.flowId, status.credentialId, status.outcome);
      else failed(s, 'flow', { code: 'invalid_response', message: null }, { backendEnded: true });
      return;
    }
    const ended = endedOutcome(flow.flowId, status);
    if (ended) {
      finish(s, ended, { backendEnded: true });
      return;
    }
    if (s.pollAgain) {
      s.pollAgain = false;
      void poll(s);
    } else {
      schedulePoll(s, pollIntervalMs);
    }
  }

  /**
   * Cancel or timeout while the consent page may have been used: stop listening, cancel at the
   * backend, and let its answer decide (a flow that won the race is a success).
   */
  async function cancelWhileWaiting(s: Session, reason: 'user' | 'timeout') {
    const flow = s.flow;
    if (!flow || s.cancelling || s.succeeding) return;
    s.cancelling = true;
    teardown(s);
    s.abort.abort();
    closePopup(s);
    setSnapshot({ status: 'cancelling', providerId, flowId: flow.flowId, reason });
    const status = await cancelAtBackend(s);
    // Reset or superseded meanwhile: `abandonAtBackend` (from `finish`) reports a late success.
    if (!isLive(s)) return;
    if (status?.status === 'succeeded' && status.credentialId) {
      void succeed(s, flow.flowId, status.credentialId, status.outcome);
      return;
    }
    const ended =
      status && status.error?.code !== 'flow_cancelled' ? endedOutcome(flow.flowId, status) : null;
    finish(
      s,
      ended ??
        (reason === 'user'
          ? { status: 'cancelled', providerId, flowId: flow.flowId, reason: 'user' }
          : { status: 'expired', providerId, flowId: flow.flowId, reason: 'timeout' }),
      { backendEnded: true },
    );
  }

  /**
   * The backend says the flow succeeded: read the credential back (bounded) for its account
   * name, then finish — or, when the session was reset or replaced meanwhile, only tell its
   * `onSettled`, since the credential exists either way.
   */
  async function succeed(
    s: Session,
    flowId: string,
    credentialId: string,
    change: OAuthCredentialOutcome | null,
  ) {
    if (s.succeeding) return;
    s.succeeding = true;
    // Stop listening at once; the flow's outcome is settled, only the account name is missing.
    teardown(s);
    const abort = new AbortController();
    let credential: Credential | null = null;
    try {
      const credentials = await withTimeout(
        backend.listCredentials({ providerId }, { signal: abort.signal }),
        answerTimeoutMs,
      );
      credential = credentials?.find((c) => c.id === credentialId) ?? null;
    } catch {
      // The credential exists (the backend said so); only its name for the toast is unknown.
    } finally {
      // Given up (timed out) or done: either way nothing more is wanted from this request.
      abort.abort();
    }
    const success: OAuthFlowOutcome = {
      status: 'succeeded',
      providerId,
      flowId,
      credentialId,
      credential,
      account: credential?.account ?? null,
      // A backend that predates `outcome` is read by what the flow was started for.
      outcome: change ?? (s.options.credentialId ? 'reauthorized' : 'created'),
    };
    if (isLive(s)) finish(s, success, { backendEnded: true });
    else settle(s, success);
  }

  function newSession(opts: StartOAuthFlowOptions, popup: OAuthPopupWindow | null): Session {
    return {
      owner: opts.owner,
      options: opts,
      popup,
      stage: opts.prepare ? 'prepare' : 'start',
      flow: null,
      deadline: 0,
      attempts: popup ? 0 : 1,
      ended: false,
      settled: false,
      waiting: false,
      inTab: false,
      popupClosed: false,
      succeeding: false,
      cancelling: false,
      cancelRequest: null,
      abort: new AbortController(),
      cleanups: [],
      pollTimer: undefined,
      polling: false,
      pollAgain: false,
    };
  }

  /** Points the session at a freshly opened popup and sends it to the consent page. */
  function adoptPopup(s: Session, popup: OAuthPopupWindow, flow: OAuthFlowStart) {
    s.popup = popup;
    s.popupClosed = false;
    if (navigate(s, flow)) beginWaiting(s);
  }

  return {
    providerId,
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    getOwner: () => session?.owner,

    start(opts = {}) {
      const current = session && !session.ended ? session : null;
      if (
        current &&
        !current.cancelling &&
        (snapshot.status === 'opening' || snapshot.status === 'waiting')
      ) {
        focusPopupOf(current);
        return;
      }
      if (current && snapshot.status === 'blocked') {
        const popup = openPopup(opts.popupLoadingText ?? current.options.popupLoadingText);
        if (!popup) {
          current.attempts += 1;
          setSnapshot(blockedSnapshot(current));
          return;
        }
        if (current.flow) {
          adoptPopup(current, popup, current.flow);
        } else {
          current.popup = popup;
          setSnapshot({ status: 'opening', providerId, stage: current.stage });
        }
        return;
      }
      // The window must open before anything else happens: this is still the click's task.
      const popup = openPopup(opts.popupLoadingText);
      const s = newSession(opts, popup);
      session = s;
      // A flow still being cancelled gives way; its cancel goes on, and a late success is still
      // reported to its own `onSettled`.
      if (current) finish(current, null);
      setSnapshot(popup ? { status: 'opening', providerId, stage: s.stage } : blockedSnapshot(s));
      void run(s);
    },

    cancel() {
      const s = session;
      if (!s || s.ended || s.cancelling || s.succeeding) return;
      if (s.waiting) {
        void cancelWhileWaiting(s, 'user');
        return;
      }
      // Nobody has seen the consent page yet: end now (`finish` still cancels the flow).
      if (snapshot.status === 'blocked') {
        finish(s, null);
        return;
      }
      finish(s, {
        status: 'cancelled',
        providerId,
        flowId: s.flow?.flowId ?? null,
        reason: 'user',
      });
    },

    focusPopup() {
      if (session && !session.ended) focusPopupOf(session);
    },

    reopenPopup() {
      const s = session;
      if (!s || s.ended || !s.waiting || !s.flow) return;
      const popup = openPopup(s.options.popupLoadingText);
      if (!popup) {
        s.attempts += 1;
        setSnapshot(blockedSnapshot(s));
        return;
      }
      s.inTab = false;
      adoptPopup(s, popup, s.flow);
    },

    openedInNewTab() {
      const s = session;
      if (!s || s.ended || !s.flow || snapshot.status !== 'blocked') return;
      s.inTab = true;
      // The tab is the consent page now; an earlier popup (read as closed) is no longer watched.
      s.popup = null;
      s.popupClosed = false;
      beginWaiting(s);
    },

    reset() {
      const s = session;
      if (s && !s.ended) {
        finish(s, null);
        return;
      }
      session = null;
      if (snapshot.status !== 'idle') setSnapshot({ status: 'idle' });
    },
  };

  function focusPopupOf(s: Session) {
    try {
      if (s.popup && !s.popup.closed) s.popup.focus();
    } catch {
      // A severed window reference cannot be focused; the user can still switch to it.
    }
  }
}
