import type { JSX, ReactNode } from 'react';
import { lazyModule } from '../on-demand/lazy-module';
import { LazyView } from '../ui/lazy-view';
import { usePreloadWhenIdle } from '../ui/use-lazy-module';
import type { RenameCredentialFormProps } from './rename-credential-form';

/** The inline rename form's code: only a pick of **Rename** needs it. */
const renameForm = lazyModule(() => import('./rename-credential-form'));

/** Loads the rename form's code once the browser is idle, for a list that offers **Rename**. */
export function usePreloadRenameForm(): void {
  usePreloadWhenIdle(renameForm);
}

/**
 * The inline rename form (./rename-credential-form.tsx), its code loaded on demand: until it is
 * there the row keeps showing `fallback` (its name), then the form takes its place and focus.
 * If the code cannot be loaded, closing the notice ends the rename (`onDone`).
 */
export function RenameCredentialForm({
  fallback,
  ...input
}: RenameCredentialFormProps & { fallback: ReactNode }): JSX.Element {
  return (
    <LazyView
      chunk={renameForm}
      open
      onOpenChange={input.onDone}
      title={(m) => m.manage.actions.rename}
      fallback={fallback}
    >
      {(chunk) => <chunk.RenameCredentialForm {...input} />}
    </LazyView>
  );
}
