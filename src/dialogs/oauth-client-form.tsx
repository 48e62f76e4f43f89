import { useEffect, useRef, useState } from 'react';
import { Controller, FormProvider, useForm, useWatch, type FieldPath } from 'react-hook-form';
import { ActionFailure } from '../actions/action-failure';
import { useDeleteOAuthClient } from '../actions/use-delete-oauth-client';
import { useSaveOAuthClient } from '../actions/use-save-oauth-client';
import type { OAuthClientSettings, Provider } from '../credentials/backend';
import { useMessages } from '../i18n/i18n-context';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import {
  initialOAuthClientValues,
  oauthClientFieldOrder,
  toOAuthClientInput,
  validateOAuthClient,
  type OAuthClientFormValues,
} from './oauth-client-form-values';
import { OAuthClientModeChoice } from './oauth-client-mode-choice';
import type { OAuthAuthorizeRequest } from './oauth-client-settings-dialog';
import { OAuthCustomClientFields } from './oauth-custom-client-fields';
import { OAuthDeveloperConsoleLink } from './oauth-developer-console-link';
import { OAuthRedirectUri } from './oauth-redirect-uri';
import { showFieldErrors } from './show-field-errors';

/** Props of {@link OAuthClientForm}. */
export interface OAuthClientFormProps {
  /** The provider, with its own client fields. */
  provider: Provider;
  /** The settings as the backend reports them (secret masked). */
  settings: OAuthClientSettings;
  /** Told when a request starts and ends, so the dialog can refuse to close meanwhile. */
  onBusyChange: (busy: boolean) => void;
  /** **Cancel**: the dialog closes. */
  onCancel: () => void;
  /** Offers **Save and Authorize**; see {@link OAuthAuthorizeRequest}. */
  onAuthorize?: (request: OAuthAuthorizeRequest) => void;
  /** **Save** stored the settings. */
  onSaved: (settings: OAuthClientSettings) => void;
  /** **Remove** forgot the custom client. */
  onRemoved: () => void;
}

type Busy = 'save' | 'authorize' | 'remove' | null;

/**
 * The body of OAuth Client Settings: the mode choice (or, for a provider with no platform client,
 * a sentence saying it needs the user's own app), and for Custom the provider's developer console,
 * the custom client's fields and the redirect URI; then Remove / Cancel / Save / Save and Authorize. One request runs at a time; a failure
 * stays in the form (on its fields, or as an alert) with the input kept.
 */
export function OAuthClientForm({
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
  const fields = provider.oauth?.clientFields ?? [];
  const hasSavedCustom = settings.custom !== null;
  const form = useForm<OAuthClientFormValues>({
    defaultValues: initialOAuthClientValues(settings, fields),
  });
  const { control, getValues, setError, clearErrors, setFocus, reset } = form;
  const mode = useWatch({ control, name: 'mode' });
  const saving = useSaveOAuthClient({ providerId: provider.id, fields });
  const removing = useDeleteOAuthClient(provider.id);
  const [failure, setFailure] = useState<string | null>(null);
  const [confirmingRemove, setConfirmingRemove] = useState(false);
  const [busy, setBusy] = useState<Busy>(null);
  // A second click in the same frame does not see state yet; a ref does.
  const inFlight = useRef(false);

  useEffect(() => onBusyChange(busy !== null), [busy, onBusyChange]);
  // A typed secret must not stay reachable in the form's store once the form is gone.
  useEffect(() => () => reset({ clientSecret: '' }), [reset]);

  function check(): OAuthClientFormValues | null {
    setFailure(null);
    const values = getValues();
    const errors = validateOAuthClient(values, fields, hasSavedCustom, messages);
    const paths = Object.keys(errors) as FieldPath<OAuthClientFormValues>[];
    if (paths.length === 0) return values;
    clearErrors();
    for (const path of paths) setError(path, { type: 'validate', message: errors[path] });
    const first = [...oauthClientFieldOrder, ...paths].find((path) => errors[path]);
    if (first) setFocus(first);
    return null;
  }

  /** Runs one request, the only one at a time; a failure is shown and rethrown. */
  async function exclusive<T>(kind: Exclude<Busy, null>, request: () => Promise<T>) {
    inFlight.current = true;
    setBusy(kind);
    try {
      return await request();
    } catch (error) {
      const shown = ActionFailure.from(error, messages);
      showFieldErrors(shown, { setError, setFocus });
      if (shown.summary) setFailure(shown.summary);
      throw error;
    } finally {
      inFlight.current = false;
      setBusy(null);
    }
  }

  function onSave() {
    if (inFlight.current) return;
    const values = check();
    if (!values) return;
    exclusive('save', () => saving.save(toOAuthClientInput(values, fields))).then(onSaved, () => {
      // Already shown in the form.
    });
  }

  function onSaveAndAuthorize() {
    if (inFlight.current || !onAuthorize) return;
    const values = check();
    if (!values) return;
    onAuthorize({
      prepare: async () => {
        try {
          await exclusive('authorize', () =>
            saving.saveForAuthorization(toOAuthClientInput(values, fields)),
          );
        } catch (error) {
          // The flow reports the backend's own error (its code says why), as it always has.
          throw error instanceof ActionFailure ? error.cause : error;
        }
      },
    });
  }

  function onRemove() {
    if (inFlight.current) return;
    setFailure(null);
    exclusive('remove', removing.remove).then(onRemoved, () => {
      // Already shown in the form.
    });
  }

  const disabled = busy !== null;

  return (
    <FormProvider {...form}>
      <form
        className="pc-oauth-client-form"
        data-mode={mode}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          onSave();
        }}
      >
        {settings.hasPlatformClient ? (
          <Controller
            control={control}
            name="mode"
            render={({ field }) => (
              <OAuthClientModeChoice
                value={field.value}
                onValueChange={(value) => {
                  clearErrors();
                  field.onChange(value);
                }}
                disabled={disabled}
              />
            )}
          />
        ) : (
          // One choice is no choice: say why the user's own app is needed instead of a lone radio.
          <p className="pc-oauth-custom-only">{m.customOnly({ provider: provider.name })}</p>
        )}

        {/* The console link and the redirect URI are for registering an app of one's own:
            only Custom needs them. */}
        {mode === 'custom' ? (
          <>
            <OAuthDeveloperConsoleLink
              providerName={provider.name}
              url={provider.oauth?.developerConsoleUrl}
            />
            <OAuthCustomClientFields
              fields={fields}
              hasSavedCustom={hasSavedCustom}
              disabled={disabled}
            />
            <OAuthRedirectUri uri={settings.redirectUri} providerName={provider.name} />
          </>
        ) : null}

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
                <Button size="sm" variant="danger" onClick={onRemove} disabled={disabled}>
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
    </FormProvider>
  );
}
