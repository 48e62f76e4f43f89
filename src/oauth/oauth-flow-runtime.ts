/**
 * What every part of one OAuth flow controller shares: its resolved options, the snapshot React
 * subscribes to, and the session that snapshot belongs to. The parts (endings, polling, the
 * controller's own steps) are plain functions over this object rather than one large closure,
 * so each can be read on its own; only the controller creates it.
 */
import type { CredentialsBackend } from '../credentials/backend';
import type {
  OAuthChannel,
  OAuthFlowControllerOptions,
  OAuthFlowSnapshot,
  OAuthFlowWindow,
} from './oauth-flow-types';
import type { FlowSession } from './oauth-flow-session';
import { broadcastChannelFactory } from './popup-messages';

const defaultPollIntervalMs = 1000;

/** One controller's shared state; see the module comment. */
export interface FlowRuntime {
  readonly backend: CredentialsBackend;
  readonly providerId: string;
  /** How often the backend is asked while waiting (ms). */
  readonly pollIntervalMs: number;
  /** `null` when there is no `BroadcastChannel` (or the host turned it off). */
  readonly createChannel: ((name: string) => OAuthChannel) | null;
  /** The opener window, read at each use. */
  getWindow(): OAuthFlowWindow;
  /** The flow the snapshot shows; an older session's late answers compare unequal to it. */
  session: FlowSession | null;
  getSnapshot(): OAuthFlowSnapshot;
  /** Replaces the snapshot and tells every subscriber. */
  setSnapshot(next: OAuthFlowSnapshot): void;
  subscribe(listener: () => void): () => void;
}

/** The shared state of a new controller, with the options' defaults filled in. */
export function createFlowRuntime(options: OAuthFlowControllerOptions): FlowRuntime {
  let snapshot: OAuthFlowSnapshot = { status: 'idle' };
  const listeners = new Set<() => void>();
  return {
    backend: options.backend,
    providerId: options.providerId,
    pollIntervalMs: options.pollIntervalMs ?? defaultPollIntervalMs,
    createChannel:
      options.createChannel === undefined ? broadcastChannelFactory() : options.createChannel,
    getWindow: () => options.window ?? (window as unknown as OAuthFlowWindow),
    session: null,
    getSnapshot: () => snapshot,
    setSnapshot(next) {
      snapshot = next;
      listeners.forEach((listener) => listener());
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

/** Whether `s` is still the controller's flow and has not ended: only then may it change the snapshot. */
export function isLive(rt: FlowRuntime, s: FlowSession): boolean {
  return rt.session === s && !s.ended;
}
