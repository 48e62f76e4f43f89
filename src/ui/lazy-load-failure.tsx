import { useId, useLayoutEffect, useRef, type ReactNode } from 'react';
import { useMessages } from '../i18n/i18n-context';
import { useThemeAttributes } from '../theme/color-mode';
import { Alert } from './alert';
import { Button } from './button';
import { focusReturnTarget } from './focus-return-target';

/** Props of {@link LazyLoadFailure}. */
export interface LazyLoadFailureProps {
  /** The title of the dialog that could not be loaded, so the user knows what failed. */
  title: ReactNode;
  /** A retry is under way: the notice stays (focus with it) and **Try again** says it is busy. */
  busy: boolean;
  onRetry: () => void;
  onClose: () => void;
}

/**
 * Stands in for a dialog whose code could not be loaded (the network failed): a small modal
 * with the dialog's title, why, **Try again** and **Close**. A native `<dialog>`, so it needs
 * none of the code that failed to arrive and is modal (focus stays inside, Escape closes). On
 * unmount — closed, or replaced by the real dialog after a retry — focus goes back to the
 * opener, which the real dialog then takes as its own opener.
 */
export function LazyLoadFailure({ title, busy, onRetry, onClose }: LazyLoadFailureProps) {
  const messages = useMessages();
  const theme = useThemeAttributes();
  const dialog = useRef<HTMLDialogElement>(null);
  const retry = useRef<HTMLButtonElement>(null);
  const titleId = useId();

  useLayoutEffect(() => {
    const element = dialog.current;
    const opener = focusReturnTarget();
    if (element && !element.open) element.showModal();
    retry.current?.focus();
    return () => {
      const hadFocus = element?.contains(document.activeElement) ?? false;
      if (element?.open) element.close();
      if (hadFocus && opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={dialog}
      {...theme}
      className="pc-dialog"
      data-slot="lazy-load-failure"
      data-size="sm"
      aria-labelledby={titleId}
      // The UA centres a modal <dialog> with auto margins and caps its width; .pc-dialog places
      // and sizes it itself (a sheet at phone width).
      style={{ margin: 0, maxWidth: 'none' }}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <header className="pc-dialog-header">
        <h2 id={titleId} className="pc-dialog-title">
          {title}
        </h2>
      </header>
      <Alert>{messages.common.error.network}</Alert>
      <div className="pc-dialog-footer">
        <Button onClick={onClose}>{messages.common.close}</Button>
        <Button
          ref={retry}
          variant="primary"
          aria-busy={busy || undefined}
          onClick={() => {
            if (!busy) onRetry();
          }}
        >
          {messages.common.retry}
        </Button>
      </div>
    </dialog>
  );
}
