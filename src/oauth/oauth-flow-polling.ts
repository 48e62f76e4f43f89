/**
 * Asking the backend how a waiting flow stands: every `pollIntervalMs`, and at once when the
 * completion page sends a hint. The backend alone decides that a flow succeeded; polling is how
 * that decision reaches us even when no hint does (a severed popup, no `BroadcastChannel`).
 * One request is in flight at a time: a hint that arrives meanwhile asks again right after it.
 */
import type { OAuthFlowStart, OAuthFlowStatus } from '../credentials/backend';
import { isCredentialsError } from '../credentials/credentials-error';
import { failFlow, finishFlow, succeedFlow } from './oauth-flow-endings';
import { isLive, type FlowRuntime } from './oauth-flow-runtime';
import type { FlowSession } from './oauth-flow-session';
import { endedOutcome, failureFrom, waitingSnapshot } from './oauth-flow-snapshots';
import { popupReadsClosed } from './oauth-popup-window';

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

/** Asks again after `delay` ms (replacing a poll already scheduled), while the session waits. */
export function schedulePoll(rt: FlowRuntime, s: FlowSession, delay: number) {
  if (!s.waiting) return;
  if (s.pollTimer !== undefined) clearTimeout(s.pollTimer);
  s.pollTimer = setTimeout(() => {
    s.pollTimer = undefined;
    void poll(rt, s);
  }, delay);
}

/** Asks now (a completion hint came), or right after the request in flight answers. */
export function pollNow(rt: FlowRuntime, s: FlowSession) {
  if (!s.waiting) return;
  if (s.polling) {
    s.pollAgain = true;
    return;
  }
  if (s.pollTimer !== undefined) {
    clearTimeout(s.pollTimer);
    s.pollTimer = undefined;
  }
  void poll(rt, s);
}

/** A popup that reads closed changes what the dialog says, never how the flow ends. */
function noticeClosedPopup(rt: FlowRuntime, s: FlowSession, flow: OAuthFlowStart) {
  if (s.popupClosed || !popupReadsClosed(s.popup)) return;
  s.popupClosed = true;
  if (rt.getSnapshot().status === 'waiting')
    rt.setSnapshot(waitingSnapshot(rt.providerId, s, flow));
}

async function poll(rt: FlowRuntime, s: FlowSession) {
  const flow = s.flow;
  if (!flow || !s.waiting) return;
  s.polling = true;
  noticeClosedPopup(rt, s, flow);
  let status: OAuthFlowStatus;
  try {
    status = await rt.backend.getOAuthFlow(flow.flowId, { signal: s.abort.signal });
  } catch (error) {
    if (!isLive(rt, s) || !s.waiting) return;
    if (isFatalPollError(error)) {
      failFlow(rt, s, 'flow', failureFrom(error, 'poll_failed'));
      return;
    }
    // A network blip or a 5xx/429: keep asking; the flow's deadline bounds how long.
    schedulePoll(rt, s, rt.pollIntervalMs);
    return;
  } finally {
    s.polling = false;
  }
  if (!isLive(rt, s) || !s.waiting) return;

  if (status.status === 'succeeded') {
    if (status.credentialId)
      void succeedFlow(rt, s, flow.flowId, status.credentialId, status.outcome);
    else
      failFlow(rt, s, 'flow', { code: 'invalid_response', message: null }, { backendEnded: true });
    return;
  }
  const ended = endedOutcome(rt.providerId, flow.flowId, status);
  if (ended) {
    finishFlow(rt, s, ended, { backendEnded: true });
    return;
  }
  if (s.pollAgain) {
    s.pollAgain = false;
    void poll(rt, s);
  } else {
    schedulePoll(rt, s, rt.pollIntervalMs);
  }
}
