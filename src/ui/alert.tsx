import type { ReactNode } from 'react';

/** Props of {@link Alert}. */
export interface AlertProps {
  tone?: 'error' | 'warning' | 'info';
  children: ReactNode;
  /** Extra content on the right, e.g. a retry button. */
  action?: ReactNode;
  className?: string;
}

/** A message box; errors are announced immediately (`role="alert"`), others politely. */
export function Alert({ tone = 'error', children, action, className }: AlertProps) {
  return (
    <div
      className={['pc-alert', className].filter(Boolean).join(' ')}
      data-tone={tone}
      role={tone === 'error' ? 'alert' : 'status'}
    >
      <div className="pc-alert-body">{children}</div>
      {action}
    </div>
  );
}
