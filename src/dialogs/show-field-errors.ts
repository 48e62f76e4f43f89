import type { FieldPath, FieldValues, UseFormSetError, UseFormSetFocus } from 'react-hook-form';
import type { ActionFailure } from '../actions/action-failure';

/**
 * Puts a failed action's field errors on a react-hook-form form and moves focus to the first,
 * so a keyboard or screen-reader user lands where the fix is. The failure's paths are paths of
 * the input that was sent, which is the shape the dialogs' forms keep their values in.
 */
export function showFieldErrors<T extends FieldValues>(
  failure: ActionFailure,
  form: { setError: UseFormSetError<T>; setFocus: UseFormSetFocus<T> },
): void {
  for (const { path, message } of failure.fieldErrors) {
    form.setError(path as FieldPath<T>, { type: 'server', message });
  }
  const first = failure.fieldErrors[0];
  if (first) form.setFocus(first.path as FieldPath<T>);
}
