/**
 * One OAuth flow's record inside the controller: how far it got, the popup it drives, and the
 * timers and listeners it owns. A session is never reused: every `start` makes a new one, so an
 * answer that arrives for an older flow is recognised by identity and ignored (or, for a late
 * success, reported to that flow's own `onSettled` only).
 */
import type { OAuthFlowStart, OAuthFlowStatus } from '../credentials/backend';
import type { OAuthFlowOutcome, OAuthPopupWindow, StartOAuthFlowOptions } from './oauth-flow-types';

/* An `expiresAt` this close to (or behind) our clock says more about clock skew than about the
 * flow; the flow is then given the lifetime flows have (DESIGN.md §2: 10 minutes), and the
 * backend's own `expired` still ends it on time. */
const minimumTrustedExpiryMs = 30_000;
const skewedClockLifetimeMs = 10 * 60_000;
/* A little slack so the backend's `expired` (with its reason) usually arrives before our own. */
const expiryGraceMs = 2_000;

/** Everything the controller knows about one flow, from the click to its outcome. */
export interface FlowSession {
  owner: unknown;
  options: StartOAuthFlowOptions;
  popup: OAuthPopupWindow | null;
  stage: 'prepare' | 'start';
  flow: OAuthFlowStart | null;
  /** When we stop waiting (epoch ms): the flow's `expiresAt`, read as the flow started. */
  deadline: number;
  /** How many times the browser refused the popup in this flow. */
  attempts: number;
  ended: boolean;
  /** `onSettled` was called (it is called once). */
  settled: boolean;
  /** Listening for the outcome: completion hints, polling and the deadline are armed. */
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
  /** Aborts the poll in flight once the session stops waiting. */
  abort: AbortController;
  /** Undo the listeners and timers armed while waiting (see {@link teardownSession}). */
  cleanups: (() => void)[];
  pollTimer: ReturnType<typeof setTimeout> | undefined;
  /** A poll request is in flight. */
  polling: boolean;
  /** A completion hint came while a poll was in flight: ask again as soon as it answers. */
  pollAgain: boolean;
}

/**
 * A fresh session for `options`. Without a popup the browser already blocked the first try,
 * which counts as an attempt.
 */
export function createFlowSession(
  options: StartOAuthFlowOptions,
  popup: OAuthPopupWindow | null,
): FlowSession {
  return {
    owner: options.owner,
    options,
    popup,
    stage: options.prepare ? 'prepare' : 'start',
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

/**
 * When to stop waiting for a flow that expires at `expiresAt` (epoch ms). The backend's clock
 * set `expiresAt`, so a value our clock reads as (nearly) past is not trusted as the deadline.
 */
export function flowDeadline(expiresAt: string, now = Date.now()): number {
  const untilExpiry = Date.parse(expiresAt) - now;
  return (
    now +
    (untilExpiry >= minimumTrustedExpiryMs ? untilExpiry + expiryGraceMs : skewedClockLifetimeMs)
  );
}

/** Calls `onExpired` at the session's deadline, unless the session is torn down first. */
export function armDeadline(s: FlowSession, onExpired: () => void) {
  const timer = setTimeout(onExpired, Math.max(0, s.deadline - Date.now()));
  s.cleanups.push(() => clearTimeout(timer));
}

/**
 * Removes every listener, timer and channel of the session (idempotent), so a flow that ended —
 * or only waits for one last answer — cannot react to a hint or a timer any more.
 */
export function teardownSession(s: FlowSession) {
  s.waiting = false;
  if (s.pollTimer !== undefined) {
    clearTimeout(s.pollTimer);
    s.pollTimer = undefined;
  }
  const cleanups = s.cleanups.splice(0);
  cleanups.forEach((cleanup) => cleanup());
}

/** Tells the session's `onSettled` how the flow ended — once, whichever path gets there first. */
export function settleSession(s: FlowSession, outcome: OAuthFlowOutcome) {
  if (s.settled) return;
  s.settled = true;
  s.options.onSettled?.(outcome);
}
