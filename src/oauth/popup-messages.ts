/**
 * The messages the OAuth completion page sends to the opener, on a per-flow `BroadcastChannel`
 * and by `postMessage`. They are hints only: the opener re-checks with the backend.
 */
import type { OAuthFlowStatus } from '../credentials/backend';

/** The `type` of every message the completion page sends to the opener. */
export const OAUTH_MESSAGE_TYPE = 'pipeline-connect:oauth';

/**
 * Opens `BroadcastChannel`s by name, or `null` where the browser has none: the completion page
 * and the opener both fall back to `postMessage` and polling then.
 */
export function broadcastChannelFactory(): ((name: string) => BroadcastChannel) | null {
  return typeof BroadcastChannel === 'undefined' ? null : (name) => new BroadcastChannel(name);
}

/** The per-flow `BroadcastChannel` the completion page announces the outcome on. */
export function oauthChannelName(flowId: string): string {
  return `pipeline-connect:oauth:${flowId}`;
}

/**
 * What the completion page sends. It carries no code, token or secret: only which flow ended
 * and how the backend answered, which the opener re-checks with the backend anyway.
 */
export interface OAuthCompletionMessage {
  type: typeof OAUTH_MESSAGE_TYPE;
  flowId: string;
  status: OAuthFlowStatus['status'] | 'error';
}

/** Whether `data` is a completion message for `flowId` (anything else is ignored). */
export function isOAuthCompletionMessage(
  data: unknown,
  flowId: string,
): data is OAuthCompletionMessage {
  if (typeof data !== 'object' || data === null) return false;
  const message = data as Partial<OAuthCompletionMessage>;
  return message.type === OAUTH_MESSAGE_TYPE && message.flowId === flowId;
}
