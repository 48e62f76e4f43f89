import { useSyncExternalStore } from 'react';

/**
 * How often relative times ("2 min ago") move on. A minute is their finest unit on screen, so a
 * tick every 30 s keeps each within half a minute of the truth for one timer per page.
 */
const TICK_MS = 30_000;

const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setInterval> | null = null;

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (timer === null) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      listeners.forEach((notify) => notify());
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== null) {
      clearInterval(timer);
      timer = null;
    }
  };
}

const read = () => now;

/**
 * The time now, in epoch milliseconds, moving on every 30 s: one shared timer however many
 * components show a relative time, stopped when none does.
 */
export function useNow(): number {
  return useSyncExternalStore(subscribe, read, read);
}
