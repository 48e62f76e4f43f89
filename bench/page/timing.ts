/** Resolves at the start of the next animation frame, with its timestamp. */
export function nextFrame(): Promise<number> {
  return new Promise((resolve) => requestAnimationFrame(resolve));
}

/**
 * Resolves after the current frame's rendering work (style, layout, paint) has run: a message
 * posted from a rAF callback is delivered in the task after that frame's update.
 */
export function afterPaint(): Promise<number> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve(performance.now());
    };
    channel.port2.postMessage(null);
  });
}

export async function frames(count: number): Promise<void> {
  for (let i = 0; i < count; i += 1) await nextFrame();
}

/** Rejects after `ms` with a message naming what never happened (no bench waits forever). */
export function deadline(ms: number, what: string): { expired: () => boolean; error: () => Error } {
  const end = performance.now() + ms;
  return {
    expired: () => performance.now() > end,
    error: () => new Error(`Timed out after ${ms} ms waiting for ${what}`),
  };
}
