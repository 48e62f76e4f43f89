import { useControllableState as useRadixControllableState } from '@radix-ui/react-use-controllable-state';

/** Arguments of {@link useControllableState}. */
export interface UseControllableStateParams<T> {
  /** The controlled value; `undefined` leaves the state to the component. */
  prop: T | undefined;
  /** The initial value when uncontrolled. */
  defaultProp: T;
  /** Told of every change, controlled or not. */
  onChange?: (value: T) => void;
  /** The component's name, for the warning on a controlled ↔ uncontrolled switch. */
  caller: string;
}

/**
 * State a component owns unless its parent controls it (`open`/`defaultOpen`/`onOpenChange`):
 * Radix's own hook, so our dialogs behave exactly like Radix's parts — `onChange` hears every
 * change, a controlled value only changes when the parent passes a new one, and switching
 * between controlled and uncontrolled warns in development. This file is the one place that
 * depends on Radix's package for it.
 */
export function useControllableState<T>({
  prop,
  defaultProp,
  onChange,
  caller,
}: UseControllableStateParams<T>): [T, (next: T | ((previous: T) => T)) => void] {
  return useRadixControllableState({ prop, defaultProp, onChange, caller });
}
