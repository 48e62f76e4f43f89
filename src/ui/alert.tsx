import type { ReactNode } from 'react';
import { cn } from './cn';

/** Props of {@link Alert}. */
export interface AlertProps {
  tone?: 'error' | 'warning' | 'info';
  children: ReactNode;
  /** Extra content on the right (below, when narrow), e.g. a retry button. */
  action?: ReactNode;
  className?: string;
}

/**
 * A message box; errors are announced immediately (`role="alert"`), others politely. The action
 * sits beside the words, or below them when the box is narrow; its buttons never wrap.
 */
export function Alert({ tone = 'error', children, action, className }: AlertProps) {
  return (
    <div
      data-slot="alert"
      data-tone={tone}
      role={tone === 'error' ? 'alert' : 'status'}
      className={cn('pc-alert', className)}
    >
      <div data-slot="alert-body" className="pc-alert-body">
        {children}
      </div>
      {action ? (
        <div data-slot="alert-action" className="pc-alert-action">
          {action}
        </div>
      ) : null}
    </div>
  );
}
