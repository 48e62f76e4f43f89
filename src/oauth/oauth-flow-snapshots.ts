/**
 * The snapshots and outcomes the controller publishes, built in one place so that every path to
 * a state (a first start, a retry, a reopened popup, a cancel's answer) says it the same way.
 * Pure functions: they read a session, never change it.
 */
import type {
  Credential,
  OAuthCredentialOutcome,
  OAuthFlowStart,
  OAuthFlowStatus,
} from '../credentials/backend';
import { isCredentialsError } from '../credentials/credentials-error';
import type { OAuthFlowFailure, OAuthFlowOutcome, OAuthFlowSnapshot } from './oauth-flow-types';
import type { FlowSession } from './oauth-flow-session';

/** The popup is open (or about to be sent on) while the backend prepares the flow. */
export function openingSnapshot(
  providerId: string,
  stage: FlowSession['stage'],
): OAuthFlowSnapshot {
  return { status: 'opening', providerId, stage };
}

/** The browser refused the popup; the flow goes on once the user opens it another way. */
export function blockedSnapshot(providerId: string, s: FlowSession): OAuthFlowSnapshot {
  return {
    status: 'blocked',
    providerId,
    authorizationUrl: s.flow?.authorizationUrl ?? null,
    attempts: s.attempts,
  };
}

/** The consent page is open (in the popup or a tab) and we wait for the backend's word. */
export function waitingSnapshot(
  providerId: string,
  s: FlowSession,
  flow: OAuthFlowStart,
): OAuthFlowSnapshot {
  return {
    status: 'waiting',
    providerId,
    flowId: flow.flowId,
    authorizationUrl: flow.authorizationUrl,
    inTab: s.inTab,
    popupClosed: s.popupClosed,
  };
}

/** Cancel was pressed. */
export function cancelledOutcome(providerId: string, flowId: string | null): OAuthFlowOutcome {
  return { status: 'cancelled', providerId, flowId, reason: 'user' };
}

/** The flow's deadline passed here before the backend said how it ended. */
export function timedOutOutcome(providerId: string, flowId: string): OAuthFlowOutcome {
  return { status: 'expired', providerId, flowId, reason: 'timeout' };
}

/** The session failed at `stage`. */
export function failedOutcome(
  providerId: string,
  s: FlowSession,
  stage: 'prepare' | 'start' | 'flow',
  error: OAuthFlowFailure,
): OAuthFlowOutcome {
  return { status: 'failed', providerId, flowId: s.flow?.flowId ?? null, stage, error };
}

/** Why a step failed: the backend's error when it was one, else `fallbackCode`. */
export function failureFrom(error: unknown, fallbackCode: string): OAuthFlowFailure {
  if (isCredentialsError(error))
    return { code: error.code, message: error.message || null, cause: error };
  return { code: fallbackCode, message: null, cause: error };
}

/**
 * The outcome a backend status stands for; `null` while it is pending, and for `succeeded`,
 * which needs the credential read back first ({@link succeededOutcome}).
 */
export function endedOutcome(
  providerId: string,
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

/** The flow succeeded; `credential` is `null` when it could not be read back. */
export function succeededOutcome(
  providerId: string,
  s: FlowSession,
  result: {
    flowId: string;
    credentialId: string;
    credential: Credential | null;
    change: OAuthCredentialOutcome | null;
  },
): OAuthFlowOutcome {
  const { flowId, credentialId, credential, change } = result;
  return {
    status: 'succeeded',
    providerId,
    flowId,
    credentialId,
    credential,
    account: credential?.account ?? null,
    // A backend that predates `outcome` is read by what the flow was started for.
    outcome: change ?? (s.options.credentialId ? 'reauthorized' : 'created'),
  };
}
