import { LoaderCircle, Lock } from 'lucide-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { useForm } from 'react-hook-form';
import { ActionFailure } from '../actions/action-failure';
import type { ApiKeyTestResult } from '../actions/use-test-api-key';
import type { FieldSchema } from '../credentials/backend';
import { isCredentialsError } from '../credentials/credentials-error';
import { useMessages } from '../i18n/i18n-context';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Field } from '../ui/field';
import { apiKeyFormResolver } from './api-key-form-resolver';
import type { ApiKeyFormValues } from './api-key-form-schema';
import { ApiKeyTestVerdict } from './api-key-test-verdict';
import { SchemaFields } from './schema-fields';
import { showFieldErrors } from './show-field-errors';
import { useRetryCountdown } from './use-retry-countdown';

/** Props of {@link ApiKeyForm}. */
export interface ApiKeyFormProps {
  /** The provider's API key fields. */
  fields: FieldSchema[];
  /** `create`: the name is optional, secrets required; `edit`: blank secrets keep their value. */
  mode: 'create' | 'edit';
  defaultValues: ApiKeyFormValues;
  /**
   * Sends the validated values. Reject with an `ActionFailure` (what the actions of
   * `src/actions/` reject with) to keep the form open: its field errors land on their fields,
   * its summary shows as an alert, and its `Retry-After` holds Save back.
   */
  onSubmit: (values: ApiKeyFormValues) => Promise<void>;
  /**
   * Offers **Test** beside Save: the provider's verdict on the values as typed, nothing saved.
   * Rejects like `onSubmit` when the values could not be tested.
   */
  onTest?: (values: ApiKeyFormValues) => Promise<ApiKeyTestResult>;
  onCancel: () => void;
}

/**
 * The form inside the Add API Key and Edit dialogs: Authorization Name, the provider's fields,
 * the encryption note and Cancel/(Test)/Save. It owns validation, one request at a time (a test
 * or a save), showing a failure on its fields, the test's verdict, and the Retry-After countdown.
 */
export function ApiKeyForm({
  fields,
  mode,
  defaultValues,
  onSubmit,
  onTest,
  onCancel,
}: ApiKeyFormProps) {
  const messages = useMessages();
  const m = messages.apiKey;
  const {
    register,
    control,
    handleSubmit,
    setError,
    setFocus,
    reset,
    trigger,
    getValues,
    subscribe,
    formState: { errors },
  } = useForm<ApiKeyFormValues>({
    resolver: apiKeyFormResolver(fields, m.validation, mode),
    defaultValues,
    reValidateMode: 'onChange',
  });
  const [saving, setSaving] = useState(false);
  const [testing, setTesting] = useState(false);
  const [verdict, setVerdict] = useState<ApiKeyTestResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const countdown = useRetryCountdown();
  // State updates are not visible to a second click dispatched in the same frame; a ref is.
  const inFlight = useRef(false);
  const saveButton = useRef<HTMLButtonElement>(null);

  /*
   * Start in the first field rather than on the close button. Deferred until after the dialog's
   * focus scope has mounted: focusing earlier would make the scope take the field, not the
   * button that opened the dialog, as the place to return focus to on close.
   */
  useEffect(() => {
    const timer = setTimeout(() => setFocus('name'));
    return () => clearTimeout(timer);
  }, [setFocus]);

  // Blank the form's store when it goes away: it may outlive the component (a pending promise
  // can still hold it), and it must not keep a typed secret reachable. The defaults it returns
  // to never hold a secret.
  useEffect(() => () => reset(), [reset]);

  // A verdict is about the values it tested: once one changes, it no longer says anything.
  useEffect(
    () =>
      subscribe({
        name: 'values',
        formState: { values: true },
        callback: () => setVerdict(null),
      }),
    [subscribe],
  );

  function showFailure(error: unknown) {
    const failure = ActionFailure.from(error, messages);
    showFieldErrors(failure, { setError, setFocus });
    if (failure.retryAfterSeconds) {
      countdown.start(failure.retryAfterSeconds);
      // The live countdown by Save says how long; "in 30 seconds" beside it would only go stale.
      if (isCredentialsError(failure.cause) && failure.cause.code === 'rate_limited') {
        setFailure(messages.common.error.rateLimited({ seconds: null }));
        return;
      }
    }
    if (failure.summary) setFailure(failure.summary);
  }

  async function save(values: ApiKeyFormValues) {
    setFailure(null);
    setSaving(true);
    let failed = false;
    try {
      await onSubmit(values);
      // Nothing typed, secrets above all, stays in the form once it has been saved.
      reset();
    } catch (error) {
      failed = true;
      showFailure(error);
    } finally {
      // Re-enable Save before handing focus back to it, so a keyboard user can retry at once.
      flushSync(() => setSaving(false));
    }
    if (failed && !document.activeElement?.closest('.pc-field')) saveButton.current?.focus();
  }

  /*
   * Test keeps focus on its button throughout (it is never disabled, a ref turns extra clicks
   * away), so a keyboard user hears the verdict and can Save next without hunting for focus.
   */
  async function test() {
    if (!onTest || inFlight.current || countdown.remaining > 0) return;
    if (!(await trigger('values', { shouldFocus: true }))) return;
    inFlight.current = true;
    setFailure(null);
    setVerdict(null);
    setTesting(true);
    try {
      const result = await onTest(getValues());
      setVerdict(result);
      for (const { path, message } of result.fieldErrors) {
        setError(path as `values.${string}`, { type: 'server', message });
      }
    } catch (error) {
      showFailure(error);
    } finally {
      inFlight.current = false;
      setTesting(false);
    }
  }

  async function onFormSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (inFlight.current || countdown.remaining > 0) return;
    inFlight.current = true;
    try {
      await handleSubmit(save)(event);
    } finally {
      inFlight.current = false;
    }
  }

  const status = saving ? 'saving' : testing ? 'testing' : failure ? 'error' : 'idle';
  const busy = saving || testing;
  return (
    <form
      className="pc-api-key-form"
      noValidate
      onSubmit={onFormSubmit}
      aria-busy={busy || undefined}
      data-state={status}
    >
      {failure ? <Alert className="pc-api-key-alert">{failure}</Alert> : null}
      <Field
        label={m.nameLabel}
        hint={mode === 'create' ? messages.common.optional : undefined}
        placeholder={m.namePlaceholder}
        help={mode === 'create' ? m.nameHelp : undefined}
        error={errors.name?.message}
        autoComplete="off"
        aria-required={mode === 'edit' || undefined}
        {...register('name')}
      />
      <SchemaFields fields={fields} control={control} name="values" keepSecrets={mode === 'edit'} />
      {onTest ? <ApiKeyTestVerdict verdict={verdict} /> : null}
      <p className="pc-api-key-note">
        <Lock aria-hidden size={14} />
        <span>{m.encryptedNote}</span>
      </p>
      <div className="pc-dialog-footer">
        {countdown.remaining > 0 ? (
          <span className="pc-api-key-countdown">
            {m.retryCountdown({ seconds: countdown.remaining })}
          </span>
        ) : null}
        <Button onClick={onCancel} disabled={busy}>
          {messages.common.cancel}
        </Button>
        {onTest ? (
          <Button
            onClick={() => void test()}
            aria-disabled={saving || countdown.remaining > 0 || undefined}
            data-state={testing ? 'testing' : 'idle'}
          >
            {testing ? <LoaderCircle className="pc-spin" aria-hidden size={14} /> : null}
            {m.test.button}
          </Button>
        ) : null}
        <Button
          ref={saveButton}
          type="submit"
          variant="primary"
          disabled={busy || countdown.remaining > 0}
          data-state={status}
        >
          {saving ? <LoaderCircle className="pc-spin" aria-hidden size={14} /> : null}
          {m.save}
        </Button>
      </div>
      <span role="status" className="pc-visually-hidden">
        {saving ? m.saving : testing ? m.test.testing : ''}
      </span>
    </form>
  );
}
