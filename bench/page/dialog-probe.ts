import { afterPaint, nextFrame } from './timing';

const TIMEOUT_MS = 10_000;

let pending: Promise<number> | null = null;

/**
 * Arms a one-shot probe: from the next click's event timestamp (when the input reached the
 * page) until a `[role=dialog]` exists and the frame that shows it has been painted.
 */
export function armDialogProbe(): void {
  pending = new Promise<number>((resolve, reject) => {
    let clickedAt: number | null = null;
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`No dialog appeared within ${TIMEOUT_MS} ms of the click`));
    }, TIMEOUT_MS);
    const observer = new MutationObserver(() => {
      if (clickedAt === null || !document.querySelector('[role="dialog"]')) return;
      observer.disconnect();
      clearTimeout(timer);
      const from = clickedAt;
      void nextFrame()
        .then(afterPaint)
        .then((painted) => resolve(painted - from));
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

export function dialogLatency(): Promise<number> {
  if (!pending) return Promise.reject(new Error('armDialogProbe() was not called'));
  const result = pending;
  pending = null;
  return result;
}
