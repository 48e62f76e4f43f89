import type { DialogOpen } from '../shared/bench-api';
import { afterPaint, nextFrame } from './timing';

const TIMEOUT_MS = 10_000;
/**
 * The library's dialogs are a chunk of their own (preloaded when the page is idle). A click
 * before it arrived waits for it; the probe records whether the chunk had been fetched when the
 * click came (Resource Timing lists a fetch once it is complete), so a preload that came too
 * late shows in the results.
 */
const DIALOGS_CHUNK = /lazy-dialogs-chunk/;

function dialogsChunkFetched(): boolean {
  return performance.getEntriesByType('resource').some((entry) => DIALOGS_CHUNK.test(entry.name));
}

let pending: Promise<DialogOpen> | null = null;

/**
 * Arms a one-shot probe: from the next click's event timestamp (when the input reached the
 * page) until a `[role=dialog]` exists and the frame that shows it has been painted.
 */
export function armDialogProbe(): void {
  pending = new Promise<DialogOpen>((resolve, reject) => {
    let clickedAt: number | null = null;
    let codeArrivedBeforeClick = false;
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`No dialog appeared within ${TIMEOUT_MS} ms of the click`));
    }, TIMEOUT_MS);
    const observer = new MutationObserver(() => {
      const dialog = document.querySelector('[role="dialog"]');
      if (clickedAt === null || !dialog) return;
      observer.disconnect();
      clearTimeout(timer);
      const from = clickedAt;
      void nextFrame()
        .then(afterPaint)
        .then((painted) => resolve({ latencyMs: painted - from, codeArrivedBeforeClick }));
    });
    window.addEventListener(
      'click',
      (event) => {
        clickedAt = event.timeStamp;
        codeArrivedBeforeClick = dialogsChunkFetched();
      },
      { capture: true, once: true },
    );
    observer.observe(document.body, { childList: true, subtree: true });
  });
}

export function dialogLatency(): Promise<DialogOpen> {
  if (!pending) return Promise.reject(new Error('armDialogProbe() was not called'));
  const result = pending;
  pending = null;
  return result;
}
