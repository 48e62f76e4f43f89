import { useCallback, useEffect, useState } from 'react';

/**
 * Counts down a 429's `Retry-After`: `remaining` is the whole seconds left (0 when nothing runs).
 * The dialogs disable Save meanwhile, because a request sent earlier is refused again and only
 * pushes the wait further out.
 */
export function useRetryCountdown(): { remaining: number; start: (seconds: number) => void } {
  const [deadline, setDeadline] = useState<number | null>(null);
  const [remaining, setRemaining] = useState(0);

  useEffect(() => {
    if (deadline === null) return;
    const tick = () => {
      const left = Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
      setRemaining(left);
      if (left === 0) setDeadline(null);
    };
    // A short period keeps the display within a fraction of a second of the real deadline.
    const timer = setInterval(tick, 250);
    return () => clearInterval(timer);
  }, [deadline]);

  const start = useCallback((seconds: number) => {
    if (seconds <= 0) return;
    setRemaining(Math.ceil(seconds));
    setDeadline(Date.now() + seconds * 1000);
  }, []);

  return { remaining, start };
}
