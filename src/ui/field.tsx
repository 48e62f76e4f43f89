import { Eye, EyeOff } from 'lucide-react';
import { useState, type ComponentProps, type ReactNode } from 'react';
import { useMessages } from '../i18n/i18n-context';
import { Button } from './button';
import { FieldControl, FieldError, FieldHelp, FieldLabel, FieldRoot } from './field-parts';

/** Props of {@link Field}: an `<input>`'s (`ref` included) but `type`, and the field's words. */
export interface FieldProps extends Omit<ComponentProps<'input'>, 'type'> {
  /** The visible name of the input. */
  label: ReactNode;
  /** `secret` renders a password input with a show/hide toggle, never autofilled. */
  kind?: 'text' | 'secret';
  /** A line of help under the input. */
  help?: ReactNode;
  /** Adds a "Learn more" link (new tab) to the help line. */
  helpUrl?: string;
  /** What is wrong with the value; makes the input `aria-invalid`. */
  error?: string;
  /** Shown after the label, e.g. "(optional)". */
  hint?: ReactNode;
}

const secretInputProps = {
  autoComplete: 'new-password',
  spellCheck: false,
  autoCapitalize: 'off',
  autoCorrect: 'off',
} as const;

/**
 * A labelled text or secret input with help and error text wired up for assistive technology
 * (`aria-describedby`, `aria-invalid`), built from the {@link FieldRoot} parts; `data-invalid`
 * is the styling hook. For a select, a checkbox or another layout, compose the parts directly.
 */
export function Field({
  label,
  kind = 'text',
  help,
  helpUrl,
  error,
  hint,
  id,
  className,
  ...inputProps
}: FieldProps) {
  const messages = useMessages();
  const [revealed, setRevealed] = useState(false);
  const typeProps =
    kind === 'secret'
      ? { type: revealed ? 'text' : 'password', ...secretInputProps }
      : { type: 'text' };
  return (
    <FieldRoot controlId={id} invalid={Boolean(error)} className={className}>
      <FieldLabel hint={hint}>{label}</FieldLabel>
      <div data-slot="field-input-group" className="pc-field-control">
        <FieldControl>
          <input className="pc-input" {...typeProps} {...inputProps} />
        </FieldControl>
        {kind === 'secret' ? (
          <Button
            size="icon"
            data-slot="field-reveal"
            className="pc-field-reveal"
            aria-label={revealed ? messages.common.field.hide : messages.common.field.show}
            aria-pressed={revealed}
            onClick={() => setRevealed((value) => !value)}
          >
            {revealed ? <EyeOff aria-hidden size={16} /> : <Eye aria-hidden size={16} />}
          </Button>
        ) : null}
      </div>
      <FieldError>{error}</FieldError>
      <FieldHelp learnMoreHref={helpUrl}>{help}</FieldHelp>
    </FieldRoot>
  );
}
