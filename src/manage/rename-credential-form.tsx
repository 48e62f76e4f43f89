import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ActionFailure } from '../actions/action-failure';
import { useRenameCredential } from '../actions/use-rename-credential';
import type { Credential } from '../credentials/backend';
import { checkNameInput } from '../dialogs/name-check';
import { useMessages } from '../i18n/i18n-context';
import { Button } from '../ui/button';
import { cn } from '../ui/cn';

/** Props of {@link RenameCredentialForm}. */
export interface RenameCredentialFormProps {
  /** The credential as last read; its `version` guards against overwriting someone's edit. */
  credential: Credential;
  /** Called when the user is done: renamed, unchanged or cancelled. */
  onDone: () => void;
  className?: string;
}

/**
 * Renames a credential in place: Enter saves, Escape cancels. Errors (a duplicate name, an edit
 * that lost a race, a failed request) show under the input, which keeps what was typed.
 */
export function RenameCredentialForm({ credential, onDone, className }: RenameCredentialFormProps) {
  const messages = useMessages();
  const m = messages.manage.rename;
  const action = useRenameCredential();
  const [name, setName] = useState(credential.name);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // State updates are not visible to a second Enter in the same frame; a ref is.
  const inFlight = useRef(false);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (inFlight.current) return;
    const checked = checkNameInput(name, messages.apiKey.validation, { required: true });
    if (checked.error !== undefined) {
      setError(checked.error);
      input.current?.focus();
      return;
    }
    if (checked.name === credential.name) {
      onDone();
      return;
    }
    inFlight.current = true;
    setSaving(true);
    setError(null);
    try {
      await action.rename(credential, checked.name);
      onDone();
    } catch (failure) {
      setError(ActionFailure.from(failure, messages).message);
      input.current?.focus();
    } finally {
      inFlight.current = false;
      setSaving(false);
    }
  }

  /*
   * Escape cancels the rename and nothing else. Radix layers (the Settings dialog around this
   * list, say) listen for Escape on the document in the capture phase, before any handler on the
   * input could run; a capture listener on the window runs first, and a prevented Escape is one
   * they leave alone.
   */
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.target !== input.current) return;
      event.preventDefault();
      if (!inFlight.current) onDone();
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [onDone]);

  return (
    <form
      className={cn('pc-rename-form', className)}
      noValidate
      onSubmit={save}
      aria-busy={saving || undefined}
      data-state={saving ? 'saving' : error ? 'error' : 'idle'}
      data-invalid={error ? '' : undefined}
    >
      <div className="pc-rename-controls">
        <input
          ref={input}
          className="pc-input"
          value={name}
          onChange={(event) => setName(event.target.value)}
          // Read-only rather than disabled while saving, so focus stays put for a retry.
          readOnly={saving}
          autoComplete="off"
          spellCheck={false}
          aria-label={m.label({ name: credential.name })}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${errorId} ${hintId}` : hintId}
        />
        <Button type="submit" size="sm" variant="primary" disabled={saving}>
          {m.save}
        </Button>
        <Button size="sm" onClick={onDone} disabled={saving}>
          {m.cancel}
        </Button>
      </div>
      <span id={hintId} className="pc-visually-hidden">
        {m.keyboardHint}
      </span>
      {error ? (
        <p id={errorId} className="pc-field-error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
