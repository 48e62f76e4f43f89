import { Toaster, toast } from 'sonner';
import { useResolvedColorMode } from '../theme/color-mode';

/*
 * The one file that knows our notices are sonner's toasts: everything else says `notify`, so
 * the toast library (or how notices look) can change here without touching a single caller.
 */

/** Options of a {@link notify} notice. */
export interface NotifyOptions {
  /** A second line under the notice, e.g. why an action failed. */
  description?: string;
}

/** Posts a notice to the toast outlet ({@link ThemedToaster}); returns nothing to await. */
export type NotifyFunction = (text: string, options?: NotifyOptions) => void;

/** The notices Pipeline Connect posts: plain, success and failure. */
export interface Notify {
  /** A neutral notice, e.g. "Nothing to save". */
  message: NotifyFunction;
  /** Something the user asked for is done, e.g. "Saved “Production”". */
  success: NotifyFunction;
  /** Something the user asked for failed where no form is left to say so. */
  error: NotifyFunction;
}

/**
 * Posts notices to the toast outlet. Toasts are announced to screen readers (the outlet is a
 * live region) and outlive the component that posted them, so a dialog can close right after.
 *
 * @example
 * notify.success(messages.apiKey.created({ name: credential.name }));
 * notify.error(m.failed({ name }), { description: errorMessage(error, messages) });
 */
export const notify: Notify = {
  message: (text, options) => {
    toast(text, options);
  },
  success: (text, options) => {
    toast.success(text, options);
  },
  error: (text, options) => {
    toast.error(text, options);
  },
};

/**
 * The toast outlet in the library's colour mode, bottom right, with a close button on each
 * toast. `PipelineConnectProvider` renders it unless told a host renders its own outlet.
 */
export function ThemedToaster() {
  const mode = useResolvedColorMode();
  return <Toaster theme={mode} position="bottom-right" closeButton />;
}
