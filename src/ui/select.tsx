import { Check, ChevronDown } from 'lucide-react';
import { Select as RadixSelect } from 'radix-ui';
import type { Ref } from 'react';
import { useThemeAttributes } from '../theme/color-mode';
import { cn } from './cn';
import { useFieldLabelId } from './field-parts';

/** One choice of a {@link Select}. */
export interface SelectOption {
  /** What `onValueChange` receives. `''` is allowed: the "none" choice of an optional field. */
  value: string;
  /** What the list and the trigger show. */
  label: string;
  disabled?: boolean;
  /** A quieter line under the label in the list (not in the trigger), read as part of the option. */
  description?: string;
}

/** Props of {@link Select}. */
export interface SelectProps {
  /** The chosen option's value; `''` with no `''` option shows the placeholder. */
  value: string;
  onValueChange: (value: string) => void;
  options: readonly SelectOption[];
  /** Shown while no option is chosen. */
  placeholder?: string;
  disabled?: boolean;
  /** The trigger's id (a {@link FieldControl} sets it, so its label names the trigger). */
  id?: string;
  /** The name of the hidden native select Radix renders inside a `<form>`. */
  name?: string;
  /** Extra class on the trigger. */
  className?: string;
  'aria-invalid'?: boolean | 'true' | 'false';
  'aria-describedby'?: string;
  'aria-required'?: boolean;
  'aria-label'?: string;
  'aria-labelledby'?: string;
  /** The trigger lost focus (react-hook-form's `onBlur`). */
  onBlur?: () => void;
  /** The trigger button, e.g. for react-hook-form's `setFocus`. */
  ref?: Ref<HTMLButtonElement>;
}

/*
 * Radix treats `''` as "nothing chosen" and refuses it as an item's value, but an optional schema
 * field needs a real "none" choice. It stands in for `''` inside Radix only; a NUL character cannot
 * be typed into a catalog's option value, so it never meets a real one.
 */
const EMPTY = '\u0000empty';
const toRadix = (value: string) => (value === '' ? EMPTY : value);
const fromRadix = (value: string) => (value === EMPTY ? '' : value);

/**
 * A select built on Radix Select: a button (`role="combobox"`) that opens a themed list in a
 * portal. Radix rather than the native `<select>`, for the same look and keyboard as the rest of
 * the UI (menus, dialogs), a list that follows the library's theme and dark mode (a native list
 * is drawn by the platform), and long labels that end in an ellipsis in the trigger (the full
 * label is its tooltip) instead of being cut. Keyboard: Enter, Space or ↓/↑ open it, the arrows
 * move, typing jumps to a label, Enter picks, Escape closes; focus returns to the trigger.
 *
 * Put it in a {@link FieldControl} to label it: the field's label names the trigger.
 */
export function Select({
  value,
  onValueChange,
  options,
  placeholder,
  disabled,
  id,
  name,
  className,
  onBlur,
  ref,
  'aria-labelledby': labelledBy,
  ...aria
}: SelectProps) {
  const theme = useThemeAttributes();
  const fieldLabelId = useFieldLabelId();
  const hasEmptyOption = options.some((option) => option.value === '');
  const chosen = options.find((option) => option.value === value);
  const radixValue = value === '' && !hasEmptyOption ? '' : toRadix(value);
  return (
    <RadixSelect.Root
      value={radixValue}
      onValueChange={(next) => onValueChange(fromRadix(next))}
      disabled={disabled}
      name={name}
    >
      <RadixSelect.Trigger
        ref={ref}
        id={id}
        // A `<label for>` does not name a button in every browser and screen reader; this does.
        aria-labelledby={labelledBy ?? fieldLabelId}
        {...aria}
        // After the spread: a FieldControl passes its own data-slot, and this one is the select's.
        data-slot="select"
        title={chosen?.label || undefined}
        onBlur={onBlur}
        className={cn('pc-input pc-select', className)}
      >
        <span className="pc-select-value">
          <RadixSelect.Value placeholder={placeholder} />
        </span>
        <RadixSelect.Icon className="pc-select-icon">
          <ChevronDown aria-hidden size={16} />
        </RadixSelect.Icon>
      </RadixSelect.Trigger>
      <RadixSelect.Portal>
        <RadixSelect.Content
          data-slot="select-content"
          position="popper"
          sideOffset={4}
          {...theme}
          className="pc-select-content"
        >
          <RadixSelect.Viewport className="pc-select-viewport">
            {options.map((option) => (
              <SelectItem key={option.value} option={option} />
            ))}
          </RadixSelect.Viewport>
        </RadixSelect.Content>
      </RadixSelect.Portal>
    </RadixSelect.Root>
  );
}

/** One option of the list: its label (what the trigger shows), a check when chosen, its description. */
function SelectItem({ option }: { option: SelectOption }) {
  return (
    <RadixSelect.Item
      value={toRadix(option.value)}
      disabled={option.disabled}
      textValue={option.label}
      // Named by all it shows, description included: Radix names an option by its label alone,
      // and a name that leaves out visible words misleads voice control (axe: label-content-name-mismatch).
      aria-labelledby={undefined}
      data-slot="select-item"
      className="pc-select-item"
    >
      <RadixSelect.ItemIndicator className="pc-select-indicator">
        <Check aria-hidden size={14} />
      </RadixSelect.ItemIndicator>
      <span className="pc-select-item-text">
        <RadixSelect.ItemText>{option.label}</RadixSelect.ItemText>
        {option.description ? (
          <span className="pc-select-item-description">{option.description}</span>
        ) : null}
      </span>
    </RadixSelect.Item>
  );
}
