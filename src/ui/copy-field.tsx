import { Check, Copy } from 'lucide-react';
import { useEffect, useRef, useState, type ComponentProps, type ReactNode } from 'react';
import { useMessages } from '../i18n/i18n-context';
import { Button } from './button';
import { cn } from './cn';
import { FieldControl, FieldHelp, FieldLabel, FieldRoot } from './field-parts';

/** Where a {@link CopyField} stands: `data-status` on its root. */
export type CopyStatus = 'idle' | 'copied' | 'failed';

/** Props of {@link CopyField}. */
export interface CopyFieldProps extends Omit<ComponentProps<'div'>, 'children' | 'onCopy'> {
  /** The visible label of the value. */
  label: ReactNode;
  /** What is shown and copied. */
  value: string;
  /** A line under the value, e.g. where to paste it. */
  help?: ReactNode;
  /** The copy button's accessible name when "Copy" alone is vague: "Copy the redirect URI". */
  copyLabel?: string;
  /** The button's word (default "Copy"). */
  copyText?: string;
  /** Said on the button and announced once copied (default "Copied"). */
  copiedText?: string;
  /** Announced when the clipboard refused; should say how to copy by hand. */
  failedText?: string;
  /** How long "Copied" stays before the button reads "Copy" again (default 2000 ms). */
  resetAfterMs?: number;
  /** Told how each attempt ended. */
  onCopyResult?: (status: Exclude<CopyStatus, 'idle'>) => void;
}

/**
 * A read-only value with a copy button. The value is a focusable, selectable input (focus selects
 * it all), so it can be copied by hand too; the button is the next Tab stop. A live region says
 * "Copied", or — when the clipboard is refused (an insecure page, a denied permission) — how to
 * copy it by hand. `data-status` (`idle`, `copied`, `failed`) on the root is the styling hook.
 */
export function CopyField({
  label,
  value,
  help,
  copyLabel,
  copyText,
  copiedText,
  failedText,
  resetAfterMs = 2000,
  onCopyResult,
  className,
  ...props
}: CopyFieldProps) {
  const m = useMessages().common.copyField;
  const words = {
    copy: copyText ?? m.copy,
    copied: copiedText ?? m.copied,
    failed: failedText ?? m.failed,
  };
  const [status, setStatus] = useState<CopyStatus>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  async function copy() {
    clearTimeout(timer.current);
    let result: Exclude<CopyStatus, 'idle'> = 'copied';
    try {
      // `navigator.clipboard` is missing outside a secure context; treat it as a refusal.
      if (!navigator.clipboard) throw new Error('The clipboard is not available.');
      await navigator.clipboard.writeText(value);
      timer.current = setTimeout(() => setStatus('idle'), resetAfterMs);
    } catch {
      result = 'failed';
    }
    setStatus(result);
    onCopyResult?.(result);
  }

  const copied = status === 'copied';
  return (
    <FieldRoot
      data-slot="copy-field"
      data-status={status}
      {...props}
      className={cn('pc-copy-field', className)}
    >
      <FieldLabel>{label}</FieldLabel>
      <div data-slot="copy-field-row" className="pc-copy-field-row">
        <FieldControl>
          <input
            data-slot="copy-field-input"
            className="pc-input pc-copy-field-input"
            value={value}
            readOnly
            onFocus={(event) => event.currentTarget.select()}
          />
        </FieldControl>
        <Button
          data-slot="copy-field-button"
          onClick={() => void copy()}
          // Once copied the visible word is the name, so the change is heard on the button too.
          aria-label={copied ? undefined : copyLabel}
        >
          {copied ? <Check aria-hidden size={16} /> : <Copy aria-hidden size={16} />}
          {copied ? words.copied : words.copy}
        </Button>
      </div>
      <FieldHelp>{help}</FieldHelp>
      {/* Always rendered, so assistive technology is listening before the words change. */}
      <p data-slot="copy-field-status" className="pc-copy-field-status" role="status">
        {copied ? words.copied : status === 'failed' ? words.failed : ''}
      </p>
    </FieldRoot>
  );
}
