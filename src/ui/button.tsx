import { Slot } from 'radix-ui';
import type { ComponentProps } from 'react';
import { cn } from './cn';

/** Props of {@link Button}. */
export interface ButtonProps extends ComponentProps<'button'> {
  /** `data-variant`: how prominent the button is (default `secondary`). */
  variant?: 'primary' | 'secondary' | 'ghost' | 'danger';
  /**
   * `data-size` (default `md`). `icon` is a quiet 28px square for a single icon, such as a
   * dialog's close button: give it an `aria-label`, since the icon says nothing to a screen
   * reader. Its look does not change with `variant`.
   */
  size?: 'sm' | 'md' | 'icon';
  /**
   * Renders the one child element instead of a `<button>`, with the button's class, data
   * attributes and handlers merged onto it: `<Button asChild><a href="…">Open</a></Button>` is a
   * link that looks like a button. The child's own props win over the button's, except that
   * classes are joined and event handlers both run.
   */
  asChild?: boolean;
}

/**
 * The library's button. `data-slot="button"`, `data-variant` and `data-size` are the styling API;
 * `type` defaults to `button` so a button inside a form never submits it by accident.
 */
export function Button({
  variant = 'secondary',
  size = 'md',
  asChild = false,
  className,
  type,
  ...props
}: ButtonProps) {
  const Comp = asChild ? Slot.Root : 'button';
  return (
    <Comp
      data-slot="button"
      // A link or other child has no `type`; only a real button gets the safe default.
      type={asChild ? type : (type ?? 'button')}
      className={cn('pc-button', className)}
      data-variant={variant}
      data-size={size}
      {...props}
    />
  );
}
