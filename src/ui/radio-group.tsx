import { RadioGroup as RadixRadioGroup } from 'radix-ui';
import type { ComponentProps } from 'react';
import { cn } from './cn';

/** Props of {@link RadioGroup}: Radix's (`value`, `defaultValue`, `onValueChange`, `disabled`). */
export type RadioGroupProps = ComponentProps<typeof RadixRadioGroup.Root>;

/**
 * One choice among a few (Radix RadioGroup, `role="radiogroup"`). Name it (`aria-label` or
 * `aria-labelledby`). Keyboard: Tab enters on the checked item, arrows move and check, Space
 * checks the focused one. `data-disabled` when disabled.
 */
export function RadioGroup({ className, ...props }: RadioGroupProps) {
  return (
    <RadixRadioGroup.Root
      data-slot="radio-group"
      className={cn('pc-radio-group', className)}
      {...props}
    />
  );
}

/** Props of {@link RadioGroupItem}: Radix's item without children (it draws its own dot). */
export type RadioGroupItemProps = Omit<ComponentProps<typeof RadixRadioGroup.Item>, 'children'>;

/**
 * One option (`role="radio"`): the circle only, so the caller lays out its label — a
 * `<label htmlFor={id}>` next to it, and `aria-describedby` for a line of help.
 * `data-state` is `checked` or `unchecked`; the dot inside is `data-slot="radio-group-indicator"`.
 */
export function RadioGroupItem({ className, ...props }: RadioGroupItemProps) {
  return (
    <RadixRadioGroup.Item
      data-slot="radio-group-item"
      className={cn('pc-radio', className)}
      {...props}
    >
      <RadixRadioGroup.Indicator data-slot="radio-group-indicator" className="pc-radio-indicator" />
    </RadixRadioGroup.Item>
  );
}
