import type { ComponentProps } from 'react';
import { cn } from './cn';

/** Props of {@link Select}: every prop of a native `<select>`, `ref` included. */
export type SelectProps = ComponentProps<'select'>;

/**
 * A styled native `<select>` (`role="combobox"`), with `<option>` children. Native on purpose:
 * the choices are short lists of plain text, and the platform's own list is the one users know
 * on every device (a touch keyboard, a screen reader's rotor, type-to-select) — exactly what the
 * credential and schema selects offer today. Put it in a {@link FieldControl} to label it.
 */
export function Select({ className, ...props }: SelectProps) {
  return <select data-slot="select" className={cn('pc-input pc-select', className)} {...props} />;
}
