import { DropdownMenu } from 'radix-ui';
import type { ComponentProps } from 'react';
import { useThemeAttributes } from '../theme/color-mode';
import { cn } from './cn';

/** Props of {@link Menu}: Radix's `DropdownMenu.Root` (`open`, `onOpenChange`, `modal`…). */
export type MenuProps = ComponentProps<typeof DropdownMenu.Root>;

/**
 * A menu of actions opened from a button (Radix DropdownMenu). Keyboard: Enter, Space or ↓ on
 * the trigger opens it on the first item, arrows move, Enter picks, Escape closes; focus goes
 * back to the trigger when it closes. Renders no element of its own.
 */
export function Menu(props: MenuProps) {
  return <DropdownMenu.Root {...props} />;
}

/** Props of {@link MenuTrigger}. */
export type MenuTriggerProps = ComponentProps<typeof DropdownMenu.Trigger>;

/**
 * The button that opens the menu; usually `asChild` around a {@link Button}, which keeps its own
 * look. `data-state` is `open` or `closed`; the menu is labelled by it.
 */
export function MenuTrigger(props: MenuTriggerProps) {
  return <DropdownMenu.Trigger data-slot="menu-trigger" {...props} />;
}

/** Props of {@link MenuContent}. */
export type MenuContentProps = ComponentProps<typeof DropdownMenu.Content>;

/**
 * The menu's list, in a portal under the library's theme (a portal leaves the host's
 * `data-pc-root`, so the theme attributes go on the list itself). Opens below the trigger,
 * aligned to its start, 4px away, unless told otherwise; `data-side`/`data-align`/`data-state`
 * are Radix's.
 */
export function MenuContent({
  className,
  align = 'start',
  sideOffset = 4,
  ...props
}: MenuContentProps) {
  const theme = useThemeAttributes();
  return (
    <DropdownMenu.Portal>
      <DropdownMenu.Content
        data-slot="menu-content"
        align={align}
        sideOffset={sideOffset}
        {...theme}
        className={cn('pc-menu', className)}
        {...props}
      />
    </DropdownMenu.Portal>
  );
}

/** Props of {@link MenuItem}. */
export interface MenuItemProps extends ComponentProps<typeof DropdownMenu.Item> {
  /** `danger` for an action that destroys something (`data-variant`). */
  variant?: 'default' | 'danger';
}

/**
 * One action. `onSelect` runs when it is picked (click, Enter or Space); the menu then closes
 * unless the handler calls `event.preventDefault()`. `data-highlighted` marks the item the
 * arrows are on, `data-disabled` a disabled one.
 */
export function MenuItem({ className, variant = 'default', ...props }: MenuItemProps) {
  return (
    <DropdownMenu.Item
      data-slot="menu-item"
      data-variant={variant}
      className={cn('pc-menu-item', className)}
      {...props}
    />
  );
}

/** Props of {@link MenuSeparator}. */
export type MenuSeparatorProps = ComponentProps<typeof DropdownMenu.Separator>;

/** A line between groups of items (`role="separator"`, skipped by the arrows). */
export function MenuSeparator({ className, ...props }: MenuSeparatorProps) {
  return (
    <DropdownMenu.Separator
      data-slot="menu-separator"
      className={cn('pc-menu-separator', className)}
      {...props}
    />
  );
}
