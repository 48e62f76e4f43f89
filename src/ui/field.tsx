import { Eye, EyeOff } from 'lucide-react';
import { forwardRef, useId, useState, type InputHTMLAttributes, type ReactNode } from 'react';
import { useMessages } from '../i18n/i18n-context';

/** Props of {@link Field}. */
export interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> {
  label: ReactNode;
  /** `secret` renders a password input with a show/hide toggle, never autofilled. */
  kind?: 'text' | 'secret';
  help?: ReactNode;
  helpUrl?: string;
  error?: string;
  /** Shown after the label, e.g. "(optional)". */
  hint?: ReactNode;
}

/**
 * A labelled input with help and error text wired up for assistive technology
 * (`aria-describedby`, `aria-invalid`). `data-invalid` is the styling hook.
 */
export const Field = forwardRef<HTMLInputElement, FieldProps>(function Field(
  { label, kind = 'text', help, helpUrl, error, hint, id, className, ...inputProps },
  ref,
) {
  const messages = useMessages();
  const autoId = useId();
  const inputId = id ?? `pc-field-${autoId}`;
  const helpId = `${inputId}-help`;
  const errorId = `${inputId}-error`;
  const [revealed, setRevealed] = useState(false);
  const describedBy = [error ? errorId : null, help || helpUrl ? helpId : null]
    .filter(Boolean)
    .join(' ');
  const secretProps =
    kind === 'secret'
      ? {
          type: revealed ? 'text' : 'password',
          autoComplete: 'new-password',
          spellCheck: false,
          autoCapitalize: 'off',
          autoCorrect: 'off',
        }
      : { type: 'text' };
  return (
    <div
      className={['pc-field', className].filter(Boolean).join(' ')}
      data-invalid={error ? '' : undefined}
    >
      <label className="pc-field-label" htmlFor={inputId}>
        {label}
        {hint ? (
          <>
            {' '}
            <span className="pc-field-hint">{hint}</span>
          </>
        ) : null}
      </label>
      <div className="pc-field-control">
        <input
          ref={ref}
          id={inputId}
          className="pc-input"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
          {...secretProps}
          {...inputProps}
        />
        {kind === 'secret' ? (
          <button
            type="button"
            className="pc-icon-button pc-field-reveal"
            aria-label={revealed ? messages.common.field.hide : messages.common.field.show}
            aria-pressed={revealed}
            onClick={() => setRevealed((value) => !value)}
          >
            {revealed ? <EyeOff aria-hidden size={16} /> : <Eye aria-hidden size={16} />}
          </button>
        ) : null}
      </div>
      {error ? (
        <p id={errorId} className="pc-field-error">
          {error}
        </p>
      ) : null}
      {help || helpUrl ? (
        <p id={helpId} className="pc-field-help">
          {help}
          {helpUrl ? (
            <>
              {help ? ' ' : null}
              <a href={helpUrl} target="_blank" rel="noreferrer noopener">
                {messages.common.field.learnMore}
              </a>
            </>
          ) : null}
        </p>
      ) : null}
    </div>
  );
});
