/**
 * How an OAuth flow ends: with an outcome, silently (reset, superseded), through a cancel whose
 * answer decides, or as a success once the credential is read back.
 *
 * Why it is shaped this way (DESIGN.md §2, "The OAuth flow"):
 * - Every exit the backend did not decide cancels the flow there (`cancelOAuthFlow`), so an
 *   abandoned flow can never complete. A flow that won the race (the cancel answers
 *   `succeeded`) is still reported as a success: access was granted and the credential exists.
 * - Each answer we wait for after the outcome is known (the cancel, the credential read-back)
 *   is bounded, so the dialog never hangs on a stalled request.
 */
import type { Credential, OAuthCredentialOutcome, OAuthFlowStatus } from '../credentials/backend';
import type { OAuthFlowFailure, OAuthFlowOutcome } from './oauth-flow-types';
import { isLive, type FlowRuntime } from './oauth-flow-runtime';
import { settleSession, teardownSession, type FlowSession } from './oauth-flow-session';
import {
  cancelledOutcome,
  endedOutcome,
  failedOutcome,
  succeededOutcome,
  timedOutOutcome,
} from './oauth-flow-snapshots';
import { closePopup } from './oauth-popup-window';

/* How long a cancel or the credential read-back may take: past it, the flow ends without the
 * answer (as cancelled, or as succeeded without the account name) rather than hang the dialog. */
const answerTimeoutMs = 5_000;

/** How {@link finishFlow} ends a flow. */
export interface FinishHow {
  /** The backend itself ended the flow: there is nothing to cancel there. */
  backendEnded?: boolean;
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
 * Lets go of everything waiting holds — hints, timers, the poll in flight and the popup — once
 * no later answer from them can change how the flow ends.
 */
function stopWaiting(s: FlowSession) {
  teardownSession(s);
  s.abort.abort();
  closePopup(s.popup);
}

/**
 * Ends the session with an outcome (or silently with `null`, back to `idle`) and closes its
 * popup. Unless the backend itself ended the flow, the flow is cancelled there too. A session
 * that is no longer the controller's only stops; the snapshot belongs to its successor.
 */
export function finishFlow(
  rt: FlowRuntime,
  s: FlowSession,
  outcome: OAuthFlowOutcome | null,
  how: FinishHow = {},
) {
  if (s.ended) return;
  s.ended = true;
  stopWaiting(s);
  if (!how.backendEnded && !s.succeeding) void abandonAtBackend(rt, s);
  if (rt.session !== s) return;
  if (!outcome) {
    rt.session = null;
    rt.setSnapshot({ status: 'idle' });
    return;
  }
  rt.setSnapshot(outcome);
  settleSession(s, outcome);
}

/** Ends the session as `failed` at `stage`. */
export function failFlow(
  rt: FlowRuntime,
  s: FlowSession,
  stage: 'prepare' | 'start' | 'flow',
  error: OAuthFlowFailure,
  how: FinishHow = {},
) {
  finishFlow(rt, s, failedOutcome(rt.providerId, s, stage, error), how);
}

/** Cancels the session's flow at the backend, once: the flow's status after it, or `null`. */
function cancelAtBackend(rt: FlowRuntime, s: FlowSession): Promise<OAuthFlowStatus | null> {
  const flow = s.flow;
  if (!flow) return Promise.resolve(null);
  s.cancelRequest ??= withTimeout(rt.backend.cancelOAuthFlow(flow.flowId), answerTimeoutMs).catch(
    () => null,
  );
  return s.cancelRequest;
}

/** Cancels an abandoned flow; if access had been granted first, the caller still hears of it. */
export async function abandonAtBackend(rt: FlowRuntime, s: FlowSession) {
  const status = await cancelAtBackend(rt, s);
  if (status?.status === 'succeeded' && status.credentialId) {
    void succeedFlow(rt, s, status.flowId, status.credentialId, status.outcome);
  }
}

/**
 * Cancel or timeout while the consent page may have been used: stop listening, cancel at the
 * backend, and let its answer decide (a flow that won the race is a success).
 */
export async function cancelWhileWaiting(
  rt: FlowRuntime,
  s: FlowSession,
  reason: 'user' | 'timeout',
) {
  const flow = s.flow;
  if (!flow || s.cancelling || s.succeeding) return;
  const { providerId } = rt;
  s.cancelling = true;
  stopWaiting(s);
  rt.setSnapshot({ status: 'cancelling', providerId, flowId: flow.flowId, reason });
  const status = await cancelAtBackend(rt, s);
  // Reset or superseded meanwhile: `abandonAtBackend` (from `finishFlow`) reports a late success.
  if (!isLive(rt, s)) return;
  if (status?.status === 'succeeded' && status.credentialId) {
    void succeedFlow(rt, s, flow.flowId, status.credentialId, status.outcome);
    return;
  }
  // The backend's "cancelled" is our own cancel echoed back; any other end is the flow's own.
  const ended =
    status && status.error?.code !== 'flow_cancelled'
      ? endedOutcome(providerId, flow.flowId, status)
      : null;
  finishFlow(
    rt,
    s,
    ended ??
      (reason === 'user'
        ? cancelledOutcome(providerId, flow.flowId)
        : timedOutOutcome(providerId, flow.flowId)),
    { backendEnded: true },
  );
}

/**
 * The backend says the flow succeeded: read the credential back (bounded) for its account
 * name, then finish — or, when the session was reset or replaced meanwhile, only tell its
 * `onSettled`, since the credential exists either way.
 */
export async function succeedFlow(
  rt: FlowRuntime,
  s: FlowSession,
  flowId: string,
  credentialId: string,
  change: OAuthCredentialOutcome | null,
) {
  if (s.succeeding) return;
  s.succeeding = true;
  // Stop listening at once; the flow's outcome is settled, only the account name is missing.
  teardownSession(s);
  const abort = new AbortController();
  let credential: Credential | null = null;
  try {
    const credentials = await withTimeout(
      rt.backend.listCredentials({ providerId: rt.providerId }, { signal: abort.signal }),
      answerTimeoutMs,
    );
    credential = credentials?.find((c) => c.id === credentialId) ?? null;
  } catch {
    // The credential exists (the backend said so); only its name for the toast is unknown.
  } finally {
    // Given up (timed out) or done: either way nothing more is wanted from this request.
    abort.abort();
  }
  const success = succeededOutcome(rt.providerId, s, { flowId, credentialId, credential, change });
  if (isLive(rt, s)) finishFlow(rt, s, success, { backendEnded: true });
  else settleSession(s, success);
}
