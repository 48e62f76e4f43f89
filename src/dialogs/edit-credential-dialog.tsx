import { useMemo, useState, type ReactNode } from 'react';
import { useTestApiKey } from '../actions/use-test-api-key';
import { useUpdateCredential } from '../actions/use-update-credential';
import type {
  Credential,
  CredentialValues,
  FieldSchema,
  UpdateCredentialInput,
} from '../credentials/backend';
import { useProvider } from '../data-sources/use-credentials';
import { useMessages } from '../i18n/i18n-context';
import { Dialog } from '../ui/dialog';
import { cn } from '../ui/cn';
import { ApiKeyForm } from './api-key-form';
import { defaultFieldValues, type ApiKeyFormValues } from './api-key-form-schema';
import { ProviderLoadState } from './provider-load-state';
import { useDialogOpen, type DialogOpenProps } from './use-dialog-open';

/** Props of {@link EditCredentialDialog}. */
export interface EditCredentialDialogProps extends DialogOpenProps {
  /**
   * The credential to edit, as last read. Pass the latest copy (e.g. from the credential list):
   * its `version` is what the edit claims to be based on, and a stale one is refused (412).
   */
  credential: Credential;
  /** Called with the updated credential once it is saved (the dialog has closed by then). */
  onSaved?: (credential: Credential) => void;
  /** Extra class on the dialog's content element. */
  className?: string;
}

/**
 * Edits a credential: its name and, for an API key, the provider's fields. Stored secrets are
 * never shown: their inputs start empty and leaving them blank keeps the current value. Only
 * what changed is sent; on failure the dialog stays open with the input intact. Open state as
 * Radix's dialogs take it: `open` with `onOpenChange`, or `defaultOpen`.
 */
export function EditCredentialDialog({
  credential,
  onSaved,
  className,
  ...openProps
}: EditCredentialDialogProps) {
  const messages = useMessages();
  const m = messages.apiKey;
  const [open, setOpen] = useDialogOpen(openProps, 'EditCredentialDialog');
  const provider = useProvider(credential.providerId);
  // An OAuth credential's values are its tokens, managed by re-authorizing: only its name is edited.
  const fields = useMemo(
    () => (credential.method === 'api_key' ? (provider.data?.apiKeyFields ?? []) : []),
    [credential.method, provider.data],
  );
  const action = useUpdateCredential({ fields });

  async function save(input: UpdateCredentialInput | null) {
    const updated = await action.update(credential, input);
    setOpen(false);
    if (updated) onSaved?.(updated);
  }

  let body: ReactNode;
  if (provider.isPending || provider.isError) {
    body = <ProviderLoadState provider={provider} />;
  } else {
    body = (
      <EditCredentialForm
        credential={credential}
        providerName={provider.data?.name ?? ''}
        fields={fields}
        onSave={save}
        onCancel={() => setOpen(false)}
      />
    );
  }

  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title={m.edit.title}
      description={m.edit.description({ name: credential.name })}
      preventClose={action.isPending}
      className={cn('pc-edit-credential-dialog', className)}
    >
      {body}
    </Dialog>
  );
}

interface EditCredentialFormProps {
  credential: Credential;
  providerName: string;
  fields: FieldSchema[];
  onSave: (input: UpdateCredentialInput | null) => Promise<void>;
  onCancel: () => void;
}

function EditCredentialForm({
  credential,
  providerName,
  fields,
  onSave,
  onCancel,
}: EditCredentialFormProps) {
  // Test sends the draft; what it leaves out (a blank secret) is what is stored.
  const tester = useTestApiKey({
    providerId: credential.providerId,
    providerName,
    fields,
    credentialId: credential.id,
  });
  // Taken once when the form opens: a refetch must neither move the form under the user nor
  // make an untouched value look changed (sending it would overwrite someone else's edit).
  const [initial] = useState<ApiKeyFormValues>(() => ({
    name: credential.name,
    values: defaultFieldValues(fields, credential.values),
  }));
  return (
    <ApiKeyForm
      fields={fields}
      mode="edit"
      defaultValues={initial}
      onSubmit={(values) => onSave(changes(values, initial, fields))}
      onTest={
        credential.method === 'api_key'
          ? (values) => tester.test(changes(values, initial, fields)?.values ?? {})
          : undefined
      }
      onCancel={onCancel}
    />
  );
}

/**
 * What the user changed: the name if it differs, plain values that differ, and secrets that
 * were typed (a blank secret is left out, which the backend reads as "unchanged").
 * `null` when nothing changed.
 */
function changes(
  values: ApiKeyFormValues,
  initial: ApiKeyFormValues,
  fields: FieldSchema[],
): UpdateCredentialInput | null {
  const input: UpdateCredentialInput = {};
  if (values.name !== initial.name) input.name = values.name;
  const changed: CredentialValues = {};
  for (const field of fields) {
    const value = values.values[field.name];
    if (value === undefined) continue;
    if (field.type === 'secret' ? value !== '' : value !== initial.values[field.name]) {
      changed[field.name] = value;
    }
  }
  if (Object.keys(changed).length > 0) input.values = changed;
  return input.name === undefined && input.values === undefined ? null : input;
}
