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
 *
 * This file holds the steps from the click to waiting and the controller's public methods; the
 * rest is one file per concern, plain functions over the controller's shared state
 * (`oauth-flow-runtime.ts`): the session record and its timers (`oauth-flow-session.ts`), the
 * snapshots it publishes (`oauth-flow-snapshots.ts`), the popup window (`oauth-popup-window.ts`),
 * the completion hints (`oauth-completion-listeners.ts`), polling (`oauth-flow-polling.ts`) and
 * every way a flow ends (`oauth-flow-endings.ts`).
 */
import type { OAuthFlowStart } from '../credentials/backend';
import { listenForCompletionHints } from './oauth-completion-listeners';
import { abandonAtBackend, cancelWhileWaiting, failFlow, finishFlow } from './oauth-flow-endings';
import { pollNow, schedulePoll } from './oauth-flow-polling';
import { createFlowRuntime, isLive, type FlowRuntime } from './oauth-flow-runtime';
import {
  armDeadline,
  createFlowSession,
  flowDeadline,
  type FlowSession,
} from './oauth-flow-session';
import {
  blockedSnapshot,
  cancelledOutcome,
  failureFrom,
  openingSnapshot,
  waitingSnapshot,
} from './oauth-flow-snapshots';
import type {
  OAuthFlowController,
  OAuthFlowControllerOptions,
  OAuthPopupWindow,
} from './oauth-flow-types';
import { isOpenableAuthorizationUrl, UNSAFE_AUTHORIZATION_URL } from './oauth-popup-url';
import { focusPopup, openPopup } from './oauth-popup-window';

/** Sends the session's popup to the consent page; a refusal ends the flow as `failed`. */
function navigate(rt: FlowRuntime, s: FlowSession, flow: OAuthFlowStart): boolean {
  try {
    s.popup?.location.replace(flow.authorizationUrl);
  } catch (error) {
    failFlow(rt, s, 'start', failureFrom(error, 'popup_navigation_failed'));
    return false;
  }
  return true;
}

/** The steps from the click to the consent page: `prepare`, start at the backend, navigate. */
async function run(rt: FlowRuntime, s: FlowSession) {
  const { prepare, credentialId } = s.options;
  // `prepare` closes over the caller's form (a Client Secret, say): drop it as soon as it is
  // taken, so the long-lived controller does not keep the secret reachable after the flow.
  s.options = { ...s.options, prepare: undefined };
  if (prepare) {
    try {
      await prepare();
    } catch (error) {
      if (isLive(rt, s)) failFlow(rt, s, 'prepare', failureFrom(error, 'prepare_failed'));
      return;
    }
    if (!isLive(rt, s)) return;
    s.options.onPrepared?.();
  }
  s.stage = 'start';
  if (s.popup) rt.setSnapshot(openingSnapshot(rt.providerId, 'start'));

  let flow: OAuthFlowStart;
  try {
    flow = await rt.backend.startOAuth(rt.providerId, credentialId ? { credentialId } : undefined);
  } catch (error) {
    if (isLive(rt, s)) failFlow(rt, s, 'start', failureFrom(error, 'start_failed'));
    return;
  }
  s.flow = flow;
  // Cancelled meanwhile: the flow the backend just created must not be completable either.
  if (!isLive(rt, s)) {
    void abandonAtBackend(rt, s);
    return;
  }
  s.deadline = flowDeadline(flow.expiresAt);
  if (!isOpenableAuthorizationUrl(flow.authorizationUrl)) {
    failFlow(rt, s, 'start', { code: UNSAFE_AUTHORIZATION_URL, message: null });
    return;
  }
  if (!s.popup) {
    rt.setSnapshot(blockedSnapshot(rt.providerId, s));
    return;
  }
  if (navigate(rt, s, flow)) beginWaiting(rt, s);
}

/** Waits for the flow's outcome (hints, polling, the deadline), or shows that it does. */
function beginWaiting(rt: FlowRuntime, s: FlowSession) {
  const flow = s.flow;
  if (!flow || !isLive(rt, s)) return;
  if (s.waiting) {
    rt.setSnapshot(waitingSnapshot(rt.providerId, s, flow));
    return;
  }
  s.waiting = true;
  s.cleanups.push(
    listenForCompletionHints({
      window: rt.getWindow(),
      createChannel: rt.createChannel,
      flowId: flow.flowId,
      expectedSource: () => s.popup,
      onHint: () => pollNow(rt, s),
    }),
  );
  armDeadline(s, () => {
    if (isLive(rt, s)) void cancelWhileWaiting(rt, s, 'timeout');
  });
  rt.setSnapshot(waitingSnapshot(rt.providerId, s, flow));
  schedulePoll(rt, s, rt.pollIntervalMs);
}

/** Points the session at a freshly opened popup and sends it to the consent page. */
function adoptPopup(
  rt: FlowRuntime,
  s: FlowSession,
  popup: OAuthPopupWindow,
  flow: OAuthFlowStart,
) {
  s.popup = popup;
  s.popupClosed = false;
  if (navigate(rt, s, flow)) beginWaiting(rt, s);
}

/** The current session when it has not ended. */
function liveSession(rt: FlowRuntime): FlowSession | null {
  return rt.session && !rt.session.ended ? rt.session : null;
}

/**
 * Creates a controller for one provider's OAuth flows. Hosts usually reach it through
 * `useAddOAuth`; use it directly to build your own UI.
 */
export function createOAuthFlowController(
  options: OAuthFlowControllerOptions,
): OAuthFlowController {
  const rt = createFlowRuntime(options);
  const { providerId } = rt;
  const open = (loadingText: string | undefined) =>
    openPopup(rt.getWindow(), providerId, loadingText);

  return {
    providerId,
    getSnapshot: rt.getSnapshot,
    subscribe: rt.subscribe,
    getOwner: () => rt.session?.owner,

    start(opts = {}) {
      const current = liveSession(rt);
      const status = rt.getSnapshot().status;
      if (current && !current.cancelling && (status === 'opening' || status === 'waiting')) {
        focusPopup(current.popup);
        return;
      }
      if (current && status === 'blocked') {
        const popup = open(opts.popupLoadingText ?? current.options.popupLoadingText);
        if (!popup) {
          current.attempts += 1;
          rt.setSnapshot(blockedSnapshot(providerId, current));
          return;
        }
        if (current.flow) {
          adoptPopup(rt, current, popup, current.flow);
        } else {
          current.popup = popup;
          rt.setSnapshot(openingSnapshot(providerId, current.stage));
        }
        return;
      }
      // The window must open before anything else happens: this is still the click's task.
      const popup = open(opts.popupLoadingText);
      const s = createFlowSession(opts, popup);
      rt.session = s;
      // A flow still being cancelled gives way; its cancel goes on, and a late success is still
      // reported to its own `onSettled`.
      if (current) finishFlow(rt, current, null);
      rt.setSnapshot(popup ? openingSnapshot(providerId, s.stage) : blockedSnapshot(providerId, s));
      void run(rt, s);
    },

    cancel() {
      const s = rt.session;
      if (!s || s.ended || s.cancelling || s.succeeding) return;
      if (s.waiting) {
        void cancelWhileWaiting(rt, s, 'user');
        return;
      }
      // Nobody has seen the consent page yet: end now (`finishFlow` still cancels the flow).
      if (rt.getSnapshot().status === 'blocked') {
        finishFlow(rt, s, null);
        return;
      }
      finishFlow(rt, s, cancelledOutcome(providerId, s.flow?.flowId ?? null));
    },

    focusPopup() {
      const s = liveSession(rt);
      if (s) focusPopup(s.popup);
    },

    reopenPopup() {
      const s = rt.session;
      if (!s || s.ended || !s.waiting || !s.flow) return;
      const popup = open(s.options.popupLoadingText);
      if (!popup) {
        s.attempts += 1;
        rt.setSnapshot(blockedSnapshot(providerId, s));
        return;
      }
      s.inTab = false;
      adoptPopup(rt, s, popup, s.flow);
    },

    openedInNewTab() {
      const s = rt.session;
      if (!s || s.ended || !s.flow || rt.getSnapshot().status !== 'blocked') return;
      s.inTab = true;
      // The tab is the consent page now; an earlier popup (read as closed) is no longer watched.
      s.popup = null;
      s.popupClosed = false;
      beginWaiting(rt, s);
    },

    reset() {
      const s = rt.session;
      if (s && !s.ended) {
        finishFlow(rt, s, null);
        return;
      }
      rt.session = null;
      if (rt.getSnapshot().status !== 'idle') rt.setSnapshot({ status: 'idle' });
    },
  };
}
