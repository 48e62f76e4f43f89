import { Suspense, use, useEffect, useState, type ReactElement, type ReactNode } from 'react';
import { useMessages } from '../i18n/i18n-context';
import type { Messages } from '../i18n/messages';
import type { LazyModule } from '../on-demand/lazy-module';
import { LazyLoadFailure } from './lazy-load-failure';
import { useLazyModule } from './use-lazy-module';

/** Props of {@link LazyView}. */
export interface LazyViewProps<M> {
  /** The chunk the view's code is in. */
  chunk: LazyModule<M>;
  /** Whether the view is asked for now (a dialog: whether it is open, controlled or not). */
  open: boolean;
  /** Told `false` when the user closes the notice of a failed load. */
  onOpenChange?: (open: boolean) => void;
  /** What the view is called, for the notice shown if its code cannot be loaded. */
  title: (messages: Messages) => ReactNode;
  /** What stays on screen until the code is there (default: nothing). */
  fallback?: ReactNode;
  /** The view itself, from the loaded chunk. */
  children: (module: M) => ReactElement;
}

/**
 * UI whose code is loaded on demand, without a loading state: the chunk is preloaded while the
 * page is idle, and a view asked for before its code arrived changes nothing on screen until it
 * is there — the page stays as it was (`fallback`), focus stays where it is, and the view then
 * appears as usual (a dialog takes focus). Only a failed load shows something: a notice with
 * **Try again**, which shows the view once the code arrives. Once loaded, the view is rendered
 * whether asked for or not (a closed dialog stays mounted, as it always was). Renders a fragment,
 * never `null`, so the components built on it keep the `JSX.Element` they always returned.
 */
export function LazyView<M>({
  chunk,
  open,
  onOpenChange,
  title,
  fallback,
  children,
}: LazyViewProps<M>) {
  const messages = useMessages();
  const state = useLazyModule(chunk);
  // Closing the failure notice closes the view; until the host says so, it stays closed.
  const [dismissed, setDismissed] = useState(false);
  if (dismissed && !open) setDismissed(false);
  const wanted = open && !dismissed;
  // A failure is news for this opening only: the next one tries again.
  useEffect(() => (wanted ? () => chunk.forgetFailure() : undefined), [chunk, wanted]);

  if (state.status === 'loaded' && !dismissed) return children(state.module);
  const failed = wanted && state.status === 'failed';
  return (
    <>
      {fallback}
      {failed ? (
        <LazyLoadFailure
          title={title(messages)}
          busy={state.retrying}
          onRetry={() => void chunk.load().catch(() => undefined)}
          onClose={() => {
            setDismissed(true);
            onOpenChange?.(false);
          }}
        />
      ) : null}
      {/* Nothing to show while waiting; suspending tells React (and `act`) what is awaited. */}
      <Suspense fallback={null}>
        {wanted && state.status === 'pending' ? <AwaitChunk chunk={chunk} /> : null}
      </Suspense>
    </>
  );
}

function AwaitChunk({ chunk }: { chunk: LazyModule<unknown> }) {
  use(chunk.settled());
  return null;
}
