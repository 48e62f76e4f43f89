import { lazyModule } from '../on-demand/lazy-module';
import type { Notify, NotifyFunction, NotifyOptions } from './toast';
import { useLazyModule } from './use-lazy-module';

/*
 * The toasts (sonner and its outlet) behind `import()`: nothing on a page needs them until the
 * first notice, which always follows a user's action. Callers use `notify` from here exactly as
 * the one in ./toast.tsx.
 */
const toasts = lazyModule(() => import('./toast'));

/** Notices not shown yet: posted before the toast code arrived, or while it could not load. */
const queued: { kind: keyof Notify; text: string; options?: NotifyOptions }[] = [];

function show({ notify }: { notify: Notify }) {
  for (const notice of queued.splice(0)) notify[notice.kind](notice.text, notice.options);
}

function post(kind: keyof Notify): NotifyFunction {
  return (text, options) => {
    queued.push({ kind, text, options });
    const state = toasts.getState();
    if (state.status === 'loaded') show(state.module);
    // A failed load keeps the notice queued: the next notice tries again and shows both.
    else toasts.load().then(show, () => undefined);
  };
}

/**
 * Posts notices to the toast outlet ({@link LazyToaster}), loading the toast code first when
 * needed. Notices are kept in order until it is there; the outlet (sonner) also shows a notice
 * posted before it mounted.
 */
export const notify: Notify = {
  message: post('message'),
  success: post('success'),
  error: post('error'),
};

/**
 * The toast outlet (`ThemedToaster`), rendered once its code is loaded: preloaded when the
 * browser is idle, at the latest with the first notice.
 */
export function LazyToaster() {
  const state = useLazyModule(toasts);
  return state.status === 'loaded' ? <state.module.ThemedToaster /> : null;
}
