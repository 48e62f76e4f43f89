import { Dialog as RadixDialog } from 'radix-ui';
import { useRef, type ReactNode } from 'react';
import { X } from 'lucide-react';
import { useMessages } from '../i18n/i18n-context';
import { useThemeAttributes } from '../theme/color-mode';
import { Button } from './button';
import { cn } from './cn';
import { focusReturnTarget } from './focus-return-target';

/** Props of {@link Dialog}. */
export interface DialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Every dialog has a title (screen readers announce it). */
  title: ReactNode;
  description?: ReactNode;
  children?: ReactNode;
  /** Extra class on the dialog's content element. */
  className?: string;
  /** Blocks closing (Escape, overlay, close button) while something is in flight. */
  preventClose?: boolean;
  size?: 'sm' | 'md' | 'lg';
}

/** A modal dialog in a portal, themed, with a title and a close button. */
export function Dialog({
  open,
  onOpenChange,
  title,
  description,
  children,
  className,
  preventClose = false,
  size = 'md',
}: DialogProps) {
  const theme = useThemeAttributes();
  const messages = useMessages();
  // Radix returns focus only to its own Trigger; our dialogs open from plain buttons and menu
  // items, so remember what had focus and go back there (if it still exists) on close.
  const opener = useRef<HTMLElement | null>(null);
  const guard = (event: Event) => {
    if (preventClose) event.preventDefault();
  };
  return (
    <RadixDialog.Root
      open={open}
      onOpenChange={(next) => (preventClose && !next ? undefined : onOpenChange(next))}
    >
      <RadixDialog.Portal>
        <RadixDialog.Overlay data-slot="dialog-overlay" className="pc-dialog-overlay" {...theme} />
        <RadixDialog.Content
          data-slot="dialog-content"
          data-size={size}
          onOpenAutoFocus={() => {
            opener.current = focusReturnTarget();
          }}
          onCloseAutoFocus={(event) => {
            if (opener.current?.isConnected) {
              event.preventDefault();
              opener.current.focus();
            }
          }}
          onEscapeKeyDown={guard}
          onPointerDownOutside={guard}
          onInteractOutside={guard}
          {...(description ? {} : { 'aria-describedby': undefined })}
          {...theme}
          className={cn('pc-dialog', className)}
        >
          <header data-slot="dialog-header" className="pc-dialog-header">
            <RadixDialog.Title data-slot="dialog-title" className="pc-dialog-title">
              {title}
            </RadixDialog.Title>
            <RadixDialog.Close asChild>
              <Button
                size="icon"
                data-slot="dialog-close"
                aria-label={messages.common.close}
                disabled={preventClose}
              >
                <X aria-hidden size={16} />
              </Button>
            </RadixDialog.Close>
          </header>
          {description ? (
            <RadixDialog.Description
              data-slot="dialog-description"
              className="pc-dialog-description"
            >
              {description}
            </RadixDialog.Description>
          ) : null}
          {children}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
