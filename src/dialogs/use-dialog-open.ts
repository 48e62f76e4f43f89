import { useControllableState } from '../ui/use-controllable-state';

/**
 * The open state every dialog of Pipeline Connect takes, with Radix's semantics: pass `open`
 * with `onOpenChange` to control it, or `defaultOpen` (and optionally `onOpenChange`) to let the
 * dialog keep it.
 */
export interface DialogOpenProps {
  /** Whether the dialog is open, when the host controls it (pair it with `onOpenChange`). */
  open?: boolean;
  /** Whether it starts open, when the dialog keeps its own state (default `false`). */
  defaultOpen?: boolean;
  /** Told of every open and close, controlled or not. */
  onOpenChange?: (open: boolean) => void;
}

/**
 * A dialog's open state from its {@link DialogOpenProps}: `[open, setOpen]`. `setOpen` tells
 * `onOpenChange`; a controlled dialog then changes only once its host passes the new `open`.
 */
export function useDialogOpen(
  { open, defaultOpen = false, onOpenChange }: DialogOpenProps,
  caller: string,
): [boolean, (next: boolean | ((previous: boolean) => boolean)) => void] {
  return useControllableState({
    prop: open,
    defaultProp: defaultOpen,
    onChange: onOpenChange,
    caller,
  });
}
