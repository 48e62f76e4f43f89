import { useMutation, useQuery } from '@tanstack/react-query';
import { Check, Copy } from 'lucide-react';
import { RadioGroup } from 'radix-ui';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Controller, useForm, useWatch, type FieldPath } from 'react-hook-form';
import { toast } from 'sonner';
import {
  SECRET_MASK,
  type FieldSchema,
  type OAuthClientSettings,
  type Provider,
  type SaveOAuthClientInput,
} from '../credentials/backend';
import { useCredentialsBackend } from '../credentials/backend-context';
import { isCredentialsError } from '../credentials/credentials-error';
import {
  deleteOAuthClientMutationOptions,
  saveOAuthClientMutationOptions,
} from '../credentials/mutations';
import { oauthClientQueryOptions } from '../credentials/queries';
import { useProvider } from '../data-sources/use-credentials';
import { useMessages } from '../i18n/i18n-context';
import type { Messages } from '../i18n/messages';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';
import { errorMessage } from '../actions/error-message';
import { Field } from '../ui/field';
import { buildFieldValuesSchema, defaultFieldValues } from './api-key-form-schema';
import { SchemaFields } from './schema-fields';

/** What "Save and Authorize" hands to {@link OAuthClientSettingsDialogProps.onAuthorize}. */
export interface OAuthAuthorizeRequest {
  /**
   * Saves the settings. Run it after the popup is open; it rejects (and shows the errors in the
   * dialog) when the settings were not saved, in which case the flow must not start.
   */
  prepare: () => Promise<void>;
}

/** Props of {@link OAuthClientSettingsDialog}. */
export interface OAuthClientSettingsDialogProps {
  providerId: string;
  open?: boolean;
  defaultOpen?: boolean;
  onOpenChange?: (open: boolean) => void;
  /**
   * Enables **Save and Authorize**. Called synchronously inside the click (after the form
   * validated), so the handler can open the OAuth popup before anything is awaited — e.g.
   * `controller.start({ prepare })`. Without it, only **Save** is offered.
   */
  onAuthorize?: (request: OAuthAuthorizeRequest) => void;
  /** Called after **Save** stored the settings (the dialog then closes). */
  onSaved?: (settings: OAuthClientSettings) => void;
  /** A line above the form, e.g. why the dialog opened. */
  notice?: ReactNode;
}

/**
 * **OAuth Client Settings** of one provider: **Default** (the platform's client, offered only
 * where there is one) or **Custom** (**Client ID**, **Client Secret** and the provider's own
 * client fields, such as OneDrive's tenant), the redirect URI to copy into the provider's console,
 * **Save and Authorize**, **Save**, and **Remove** for a saved custom client.
 *
 * A saved secret is never shown: the field starts empty and leaving it blank keeps it.
 */
export function OAuthClientSettingsDialog({
  providerId,
  open,
  defaultOpen = false,
  onOpenChange,
  onAuthorize,
  onSaved,
  notice,
}: OAuthClientSettingsDialogProps) {
  const messages = useMessages();
  const m = messages.oauth.client;
  const backend = useCredentialsBackend();
  const [uncontrolledOpen, setUncontrolledOpen] = useState(defaultOpen);
  const isOpen = open ?? uncontrolledOpen;
  const setOpen = (next: boolean) => {
    if (open === undefined) setUncontrolledOpen(next);
    onOpenChange?.(next);
  };
  const provider = useProvider(providerId);
  const settings = useQuery({ ...oauthClientQueryOptions(backend, providerId), enabled: isOpen });
  const [busy, setBusy] = useState(false);
  // Bumped after a removal so the form starts again from the settings the backend now reports.
  const [formKey, setFormKey] = useState(0);

  const providerName = provider.data?.name ?? providerId;
  const loadError = provider.error ?? settings.error;

  let content: ReactNode;
  if (loadError) {
    content = (
      <Alert
        action={
          <Button
            size="sm"
            onClick={() => {
              void provider.refetch();
              void settings.refetch();
            }}
          >
            {messages.common.retry}
          </Button>
        }
      >
        {m.loadFailed} {errorMessage(loadError, messages)}
      </Alert>
    );
  } else if (!provider.data || !settings.data) {
    content = (
      <p className="pc-oauth-loading" role="status">
        {messages.common.loading}
      </p>
    );
  } else {
    content = (
      <OAuthClientForm
        key={formKey}
        provider={provider.data}
        settings={settings.data}
        onBusyChange={setBusy}
        onCancel={() => setOpen(false)}
        onAuthorize={onAuthorize}
        onSaved={(saved) => {
          onSaved?.(saved);
          setOpen(false);
        }}
        onRemoved={() => setFormKey((key) => key + 1)}
      />
    );
  }

  return (
    <Dialog
      open={isOpen}
      onOpenChange={setOpen}
      title={m.title}
      description={m.description({ provider: providerName })}
      preventClose={busy}
      className="pc-oauth-client-dialog"
    >
      {notice ? (
        <Alert tone="info" className="pc-oauth-notice">
          {notice}
        </Alert>
      ) : null}
      {content}
    </Dialog>
  );
}

interface ClientFormValues {
  mode: 'default' | 'custom';
  clientId: string;
  clientSecret: string;
  extra: Record<string, string | boolean>;
}

interface OAuthClientFormProps {
  provider: Provider;
  settings: OAuthClientSettings;
  onBusyChange: (busy: boolean) => void;
  onCancel: () => void;
  onAuthorize?: (request: OAuthAuthorizeRequest) => void;
  onSaved: (settings: OAuthClientSettings) => void;
  onRemoved: () => void;
}

type FormErrors = Partial<Record<FieldPath<ClientFormValues>, string>>;

/** Validates synchronously: Save and Authorize must open its popup within the click. */
function validate(
  values: ClientFormValues,
  fields: FieldSchema[],
  hasSavedCustom: boolean,
  messages: Messages,
): FormErrors {
  const errors: FormErrors = {};
  if (values.mode !== 'custom') return errors;
  const m = messages.oauth.client;
  if (values.clientId.trim() === '') errors.clientId = m.clientIdRequired;
  if (!hasSavedCustom && values.clientSecret.trim() === '')
    errors.clientSecret = m.clientSecretRequired;
  const extra = buildFieldValuesSchema(fields, messages.apiKey.validation).safeParse(values.extra);
  if (!extra.success) {
    for (const issue of extra.error.issues) {
      const name = issue.path[0];
      if (typeof name === 'string') errors[`extra.${name}`] ??= issue.message;
    }
  }
  return errors;
}

function toInput(values: ClientFormValues, fields: FieldSchema[]): SaveOAuthClientInput {
  if (values.mode === 'default') return { mode: 'default' };
  const secret = values.clientSecret.trim();
  const extra: Record<string, string> = {};
  for (const field of fields) {
    const value = values.extra[field.name];
    if (value !== undefined)
      extra[field.name] = typeof value === 'string' ? value.trim() : String(value);
  }
  return {
    mode: 'custom',
    clientId: values.clientId.trim(),
    // Blank means "keep the saved secret"; the mask is how the contract says so.
    clientSecret: secret === '' ? SECRET_MASK : secret,
    extra,
  };
}

/** Maps the backend's field names onto the form's (provider fields live under `extra.`). */
function formPathOf(name: string, fields: FieldSchema[]): FieldPath<ClientFormValues> | null {
  if (name === 'clientId' || name === 'clientSecret') return name;
  const bare = name.startsWith('extra.') ? name.slice('extra.'.length) : name;
  return fields.some((field) => field.name === bare) ? `extra.${bare}` : null;
}

const fieldOrder: FieldPath<ClientFormValues>[] = ['clientId', 'clientSecret'];

function OAuthClientForm({
  provider,
  settings,
  onBusyChange,
  onCancel,
  onAuthorize,
  onSaved,
  onRemoved,
}: OAuthClientFormProps) {
  const messages = useMessages();
  const m = messages.oauth.client;
  const backend = useCredentialsBackend();
  const fields = provider.oauth?.clientFields ?? [];
  const hasPlatformClient = settings.hasPlatformClient;
  const hasSavedCustom = settings.custom !== null;
  const { control, register, getValues, setError, clearErrors, setFocus, reset, formState } =
    useForm<ClientFormValues>({
      defaultValues: {
        mode: hasPlatformClient ? settings.mode : 'custom',
        clientId: settings.custom?.clientId ?? '',
        clientSecret: '',
        extra: defaultFieldValues(fields, settings.custom?.extra),
      },
    });
  const mode = useWatch({ control, name: 'mode' });
  const save = useMutation(saveOAuthClientMutationOptions(backend, provider.id));
  const remove = useMutation(deleteOAuthClientMutationOptions(backend, provider.id));
  const [failure, setFailure] = useState<string | null>(null);
  const [confirmingRemove, setConfirmingRemove] = useState(false);
  const [busy, setBusy] = useState<'save' | 'authorize' | 'remove' | null>(null);
  // A second click in the same frame does not see state yet; a ref does.
  const inFlight = useRef(false);
  const ids = { default: useId(), custom: useId() };

  useEffect(() => onBusyChange(busy !== null), [busy, onBusyChange]);
  // A typed secret must not stay reachable in the form's store once the form is gone.
  useEffect(() => () => reset({ clientSecret: '' }), [reset]);

  function check(): ClientFormValues | null {
    setFailure(null);
    const values = getValues();
    const errors = validate(values, fields, hasSavedCustom, messages);
    const paths = Object.keys(errors) as FieldPath<ClientFormValues>[];
    if (paths.length === 0) return values;
    clearErrors();
    for (const path of paths) setError(path, { type: 'validate', message: errors[path] });
    const first = [...fieldOrder, ...paths].find((path) => errors[path]);
    if (first) setFocus(first);
    return null;
  }

  function showFailure(error: unknown) {
    if (isCredentialsError(error)) {
      const entries = Object.entries(error.fieldErrors)
        .map(([name, message]) => [formPathOf(name, fields), message] as const)
        .filter(
          (entry): entry is readonly [FieldPath<ClientFormValues>, string] => entry[0] !== null,
        );
      if (entries.length > 0) {
        for (const [path, message] of entries) setError(path, { type: 'server', message });
        setFocus(entries[0]![0]);
        return;
      }
    }
    setFailure(`${m.saveFailed} ${errorMessage(error, messages)}`);
  }

  async function submit(
    values: ClientFormValues,
    kind: 'save' | 'authorize',
  ): Promise<OAuthClientSettings> {
    inFlight.current = true;
    setBusy(kind);
    try {
      return await save.mutateAsync(toInput(values, fields));
    } catch (error) {
      showFailure(error);
      throw error;
    } finally {
      inFlight.current = false;
      setBusy(null);
      // The request body held the secret; do not keep it in the mutation cache.
      save.reset();
    }
  }

  function onSave() {
    if (inFlight.current) return;
    const values = check();
    if (!values) return;
    submit(values, 'save').then(
      (saved) => {
        toast.success(m.saved);
        onSaved(saved);
      },
      () => {
        // Already shown in the form by `submit`.
      },
    );
  }

  function onSaveAndAuthorize() {
    if (inFlight.current || !onAuthorize) return;
    const values = check();
    if (!values) return;
    onAuthorize({
      prepare: async () => {
        await submit(values, 'authorize');
      },
    });
  }

  async function onRemove() {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy('remove');
    setFailure(null);
    try {
      await remove.mutateAsync();
      toast.success(m.removed);
      onRemoved();
    } catch (error) {
      setFailure(errorMessage(error, messages));
    } finally {
      inFlight.current = false;
      setBusy(null);
      remove.reset();
    }
  }

  const errors = formState.errors;
  const disabled = busy !== null;

  return (
    <form
      className="pc-oauth-client-form"
      data-mode={mode}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSave();
      }}
    >
      <Controller
        control={control}
        name="mode"
        render={({ field }) => (
          <RadioGroup.Root
            className="pc-oauth-modes"
            aria-label={m.modeLabel}
            value={field.value}
            onValueChange={(value) => {
              clearErrors();
              field.onChange(value);
            }}
            disabled={disabled}
          >
            {/* Default exists only where the platform has a client; Custom is always there, so
                the documented path ("choose Custom") works for every provider. */}
            {hasPlatformClient ? (
              <ModeOption id={ids.default} value="default" title={m.default} help={m.defaultHelp} />
            ) : null}
            <ModeOption
              id={ids.custom}
              value="custom"
              title={m.custom}
              help={hasPlatformClient ? m.customHelp : m.customOnly({ provider: provider.name })}
            />
          </RadioGroup.Root>
        )}
      />

      {mode === 'custom' ? (
        <fieldset className="pc-oauth-custom" disabled={disabled}>
          <legend className="pc-visually-hidden">{m.custom}</legend>
          <Field
            label={m.clientId}
            autoComplete="off"
            spellCheck={false}
            aria-required
            error={errors.clientId?.message}
            {...register('clientId', { onChange: () => clearErrors('clientId') })}
          />
          <Field
            label={m.clientSecret}
            kind="secret"
            aria-required={!hasSavedCustom || undefined}
            placeholder={hasSavedCustom ? m.keepSecret : undefined}
            help={hasSavedCustom ? m.keepSecret : undefined}
            error={errors.clientSecret?.message}
            {...register('clientSecret', { onChange: () => clearErrors('clientSecret') })}
          />
          {fields.length > 0 ? (
            <SchemaFields fields={fields} control={control} name="extra" />
          ) : null}
        </fieldset>
      ) : null}

      <RedirectUri uri={settings.redirectUri} />

      {failure ? <Alert>{failure}</Alert> : null}

      {confirmingRemove ? (
        <Alert
          tone="warning"
          className="pc-oauth-remove-confirm"
          action={
            <div className="pc-oauth-remove-actions">
              <Button size="sm" onClick={() => setConfirmingRemove(false)} disabled={disabled}>
                {m.keep}
              </Button>
              <Button
                size="sm"
                variant="danger"
                onClick={() => void onRemove()}
                disabled={disabled}
              >
                {m.removeConfirmAction}
              </Button>
            </div>
          }
        >
          {m.removeConfirm({ provider: provider.name })}
        </Alert>
      ) : null}

      <div className="pc-dialog-footer pc-oauth-footer">
        {hasSavedCustom && !confirmingRemove ? (
          <Button
            variant="ghost"
            className="pc-oauth-remove"
            onClick={() => setConfirmingRemove(true)}
            disabled={disabled}
            aria-label={m.removeCustom}
          >
            {m.remove}
          </Button>
        ) : null}
        <Button onClick={onCancel} disabled={disabled}>
          {m.cancel}
        </Button>
        <Button type="submit" disabled={disabled} aria-busy={busy === 'save' || undefined}>
          {busy === 'save' ? m.saving : m.save}
        </Button>
        {onAuthorize ? (
          <Button
            variant="primary"
            onClick={onSaveAndAuthorize}
            disabled={disabled}
            aria-busy={busy === 'authorize' || undefined}
          >
            {busy === 'authorize' ? m.saving : m.saveAndAuthorize}
          </Button>
        ) : null}
      </div>
    </form>
  );
}

function ModeOption({
  id,
  value,
  title,
  help,
}: {
  id: string;
  value: string;
  title: string;
  help: string;
}) {
  const helpId = `${id}-help`;
  return (
    <div className="pc-oauth-mode">
      <RadioGroup.Item id={id} value={value} className="pc-oauth-radio" aria-describedby={helpId}>
        <RadioGroup.Indicator className="pc-oauth-radio-dot" />
      </RadioGroup.Item>
      <div className="pc-oauth-mode-text">
        <label htmlFor={id} className="pc-oauth-mode-title">
          {title}
        </label>
        <span id={helpId} className="pc-oauth-mode-help">
          {help}
        </span>
      </div>
    </div>
  );
}

const copiedForMs = 2000;

/** The redirect URI, read-only, with a copy button that confirms ("Copied") or says it failed. */
function RedirectUri({ uri }: { uri: string }) {
  const messages = useMessages();
  const m = messages.oauth.client;
  const id = useId();
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  async function onCopy() {
    clearTimeout(timer.current);
    try {
      await navigator.clipboard.writeText(uri);
      setCopy('copied');
      timer.current = setTimeout(() => setCopy('idle'), copiedForMs);
    } catch {
      setCopy('failed');
    }
  }

  return (
    <div className="pc-field pc-oauth-redirect" data-copy={copy}>
      <label className="pc-field-label" htmlFor={id}>
        {m.redirectUri}
      </label>
      <div className="pc-oauth-redirect-row">
        <input
          id={id}
          className="pc-input pc-oauth-redirect-input"
          value={uri}
          readOnly
          aria-describedby={`${id}-help`}
          onFocus={(event) => event.currentTarget.select()}
        />
        <Button
          onClick={() => void onCopy()}
          aria-label={copy === 'copied' ? m.copied : m.copyRedirectUri}
        >
          {copy === 'copied' ? <Check aria-hidden size={16} /> : <Copy aria-hidden size={16} />}
          {copy === 'copied' ? m.copied : m.copy}
        </Button>
      </div>
      <p id={`${id}-help`} className="pc-field-help">
        {m.redirectUriHelp}
      </p>
      <p className="pc-oauth-copy-status" role="status">
        {copy === 'copied' ? m.copied : copy === 'failed' ? m.copyFailed : ''}
      </p>
    </div>
  );
}
