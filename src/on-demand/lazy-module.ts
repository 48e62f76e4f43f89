/**
 * Where a module behind `import()` stands, as UI needs to know it: not there yet (loading or
 * not), loaded, or failed to load for someone who asked for it (`retrying` while a retry is
 * under way, so a failure notice can stay on screen, busy, instead of flickering away).
 */
export type LazyModuleState<T> =
  | { status: 'pending' }
  | { status: 'loaded'; module: T }
  | { status: 'failed'; error: unknown; retrying: boolean };

/** A module loaded on demand, shared by every component that needs it (one per chunk). */
export interface LazyModule<T> {
  /** Loads (or joins the load under way, or tries again after a failure); a failure is kept. */
  load: () => Promise<T>;
  /**
   * {@link LazyModule.load}, as a promise that settles (never rejects) when this attempt does:
   * the same promise for the whole attempt, for React's `use` while UI waits for the code. Safe
   * to call while rendering: starting the attempt tells no subscriber anything.
   */
  settled: () => Promise<void>;
  /**
   * Loads once the browser is idle, unless loading has started already. A preload's failure is
   * not kept: nobody asked for the module yet, and the first who does tries again.
   */
  preloadWhenIdle: () => void;
  /** Forgets a kept failure (its notice was closed), so the next attempt starts afresh. */
  forgetFailure: () => void;
  getState: () => LazyModuleState<T>;
  subscribe: (listener: () => void) => () => void;
}

interface Attempt<T> {
  promise: Promise<T>;
  settled: Promise<void>;
  /** Someone waits for this attempt: its failure is kept to be shown. */
  seen: boolean;
}

/** The longest a preload waits for an idle moment before it starts anyway. */
const IDLE_TIMEOUT_MS = 1_000;

const PENDING = { status: 'pending' } as const;

/**
 * A {@link LazyModule} over `importer`: an arrow around one literal `import()`, so that bundlers
 * emit the chunk. Nothing is loaded until one of its methods asks for it.
 */
export function lazyModule<T>(importer: () => Promise<T>): LazyModule<T> {
  let state: LazyModuleState<T> = PENDING;
  let attempt: Attempt<T> | null = null;
  let idleScheduled = false;
  const listeners = new Set<() => void>();

  const set = (next: LazyModuleState<T>) => {
    if (next === state) return;
    state = next;
    listeners.forEach((listener) => listener());
  };

  const start = (seen: boolean): Attempt<T> => {
    if (attempt) {
      attempt.seen ||= seen;
      return attempt;
    }
    const promise = importer().then(
      (module) => {
        attempt = null;
        set({ status: 'loaded', module });
        return module;
      },
      (error: unknown) => {
        attempt = null;
        set(current.seen ? { status: 'failed', error, retrying: false } : PENDING);
        throw error;
      },
    );
    const ignore = () => undefined;
    const current: Attempt<T> = { seen, promise, settled: promise.then(ignore, ignore) };
    attempt = current;
    // Only a retry changes what is shown (its notice turns busy); it starts from a click.
    if (state.status === 'failed') set({ ...state, retrying: true });
    return current;
  };

  return {
    load: () => (state.status === 'loaded' ? Promise.resolve(state.module) : start(true).promise),
    settled: () => (state.status === 'loaded' ? Promise.resolve() : start(true).settled),
    preloadWhenIdle: () => {
      if (idleScheduled || attempt || state.status !== 'pending') return;
      idleScheduled = true;
      whenIdle(() => {
        idleScheduled = false;
        if (!attempt && state.status === 'pending') {
          start(false).promise.catch(() => undefined);
        }
      });
    },
    forgetFailure: () => {
      if (state.status === 'failed' && !state.retrying) set(PENDING);
    },
    getState: () => state,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function whenIdle(callback: () => void) {
  if (typeof requestIdleCallback === 'function') {
    requestIdleCallback(callback, { timeout: IDLE_TIMEOUT_MS });
  } else {
    setTimeout(callback, 0);
  }
}
