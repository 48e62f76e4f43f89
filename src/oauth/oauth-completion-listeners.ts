/**
 * Listens for the completion page's "this flow ended" hints: `postMessage` to the opener and the
 * flow's `BroadcastChannel` (which also reaches us when the consent page ran in a tab we hold no
 * reference to). Any page of our origin could send either, so a hint never ends a flow: it only
 * asks the backend at once instead of at the next poll (DESIGN.md §2, "The OAuth flow").
 */
import type { OAuthChannel, OAuthFlowWindow, OAuthPopupWindow } from './oauth-flow-types';
import { isOAuthCompletionMessage, oauthChannelName } from './popup-messages';

/** What {@link listenForCompletionHints} listens on and whom it tells. */
export interface CompletionHintSources {
  /** The opener window, which receives the completion page's `postMessage`. */
  window: OAuthFlowWindow;
  /** Opens the flow's channel; `null` listens by `postMessage` only. */
  createChannel: ((name: string) => OAuthChannel) | null;
  flowId: string;
  /**
   * The window a `postMessage` hint must come from, read when the hint arrives (the popup can be
   * reopened meanwhile); `null` accepts any window of our origin, as for a consent page in a tab.
   */
  expectedSource: () => OAuthPopupWindow | null;
  /** Called for every hint that names the flow. */
  onHint: () => void;
}

/** Starts listening; the returned function stops it (and closes the channel). */
export function listenForCompletionHints(sources: CompletionHintSources): () => void {
  const { window: win, createChannel, flowId, expectedSource, onHint } = sources;
  const cleanups: (() => void)[] = [];

  const onWindowMessage = (event: MessageEvent) => {
    if (event.origin !== win.location.origin) return;
    const popup = expectedSource();
    if (popup && event.source !== popup) return;
    if (!isOAuthCompletionMessage(event.data, flowId)) return;
    onHint();
  };
  win.addEventListener('message', onWindowMessage);
  cleanups.push(() => win.removeEventListener('message', onWindowMessage));

  if (createChannel) {
    try {
      const channel = createChannel(oauthChannelName(flowId));
      const onChannelMessage = (event: MessageEvent) => {
        if (isOAuthCompletionMessage(event.data, flowId)) onHint();
      };
      channel.addEventListener('message', onChannelMessage);
      cleanups.push(() => {
        channel.removeEventListener('message', onChannelMessage);
        channel.close();
      });
    } catch {
      // Without a channel, postMessage and polling still carry the outcome.
    }
  }

  return () => cleanups.forEach((cleanup) => cleanup());
}
