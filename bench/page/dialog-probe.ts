import type { DialogOpen } from '../shared/bench-api';
import { afterPaint, nextFrame } from './timing';

const TIMEOUT_MS = 10_000;
/**
 * The library's stand-in while a dialog's form code is still loading. A dialog showing it
 * cannot be used yet, so the probe waits for the form; it records that it saw one, so a
 * preload that came too late shows in the results.
 */
const FORM_PENDING = '.pc-dialog-form-pending';

let pending: Promise<DialogOpen> | null = null;

/**
 * Arms a one-shot probe: from the next click's event timestamp (when the input reached the
 * page) until a `[role=dialog]` with its content (not a loading placeholder) exists and the
 * frame that shows it has been painted.
 */
export function armDialogProbe(): void {
  pending = new Promise<DialogOpen>((resolve, reject) => {
    let clickedAt: number | null = null;
    let placeholderShown = false;
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`No dialog appeared within ${TIMEOUT_MS} ms of the click`));
    }, TIMEOUT_MS);
    const observer = new MutationObserver(() => {
      const dialog = document.querySelector('[role="dialog"]');
      if (clickedAt === null || !dialog) return;
      if (dialog.querySelector(FORM_PENDING)) {
        placeholderShown = true;
        return;
      }
      observer.disconnect();
      clearTimeout(timer);
      const from = clickedAt;
      void nextFrame()
        .then(afterPaint)
        .then((painted) => resolve({ latencyMs: painted - from, placeholderShown }));
    });
    window.addEventListener(
      'click',
      (event) => {
        clickedAt = event.timeStamp;
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
