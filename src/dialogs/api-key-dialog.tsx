import { useEffect, useMemo, type ReactNode } from 'react';
import { useCreateApiKey } from '../actions/use-create-api-key';
import { useTestApiKey } from '../actions/use-test-api-key';
import type { CreateApiKeyInput, Credential, CredentialValues } from '../credentials/backend';
import { useProvider } from '../data-sources/use-credentials';
import { useMessages } from '../i18n/i18n-context';
import { Alert } from '../ui/alert';
import { Dialog } from '../ui/dialog';
import { cn } from '../ui/cn';
import { ApiKeyForm } from './api-key-form';
import { defaultFieldValues, type ApiKeyFormValues } from './api-key-form-schema';
import { ProviderLoadState } from './provider-load-state';
import { useDialogOpen, type DialogOpenProps } from './use-dialog-open';

/** Props of {@link ApiKeyDialog}. */
export interface ApiKeyDialogProps extends DialogOpenProps {
  /** The provider to add an API key for; its fields come from the backend's catalog. */
  providerId: string;
  /** Called with the new credential once it is saved (the dialog has closed by then). */
  onCreated?: (credential: Credential) => void;
  /** Extra class on the dialog's content element. */
  className?: string;
}

/**
 * The **Add API Key** dialog: Authorization Name plus the provider's own fields, rendered from
 * its `apiKeyFields` schema. **Test** asks the provider about the key without saving it, and says
 * its verdict under the fields. **Save** validates here, then with the backend; on success the dialog
 * closes, a toast names the new credential and `onCreated` fires. On any failure it stays open
 * with the input intact and says what happened. Typed secrets live only in the form while it is
 * open: they are cleared on success and on close, and never written anywhere else.
 *
 * Each save attempt carries an `Idempotency-Key`: the same key when the user saves the same input
 * again after a failure (a lost response, a network error), a new one once the input changed or
 * a save succeeded, so a repeat never makes a second credential.
 *
 * Open state as Radix's dialogs take it: `open` with `onOpenChange`, or `defaultOpen`.
 *
 * @example
 * <ApiKeyDialog providerId="firecrawl" open={open} onOpenChange={setOpen}
 *   onCreated={(credential) => useCredentialOnNode(credential.id)} />
 */
export function ApiKeyDialog({
  providerId,
  onCreated,
  className,
  ...openProps
}: ApiKeyDialogProps) {
  const messages = useMessages();
  const m = messages.apiKey;
  const [open, setOpen] = useDialogOpen(openProps, 'ApiKeyDialog');
  const provider = useProvider(providerId);
  const fields = useMemo(() => provider.data?.apiKeyFields ?? [], [provider.data]);
  const action = useCreateApiKey({ providerId, fields });
  const tester = useTestApiKey({ providerId, providerName: provider.data?.name ?? '', fields });
  const { forgetAttempt } = action;
  const defaultValues = useMemo<ApiKeyFormValues>(
    () => ({ name: '', values: defaultFieldValues(fields) }),
    [fields],
  );
  // A closed dialog ends the user's attempt: what is typed after reopening is a new one.
  useEffect(() => {
    if (!open) forgetAttempt();
  }, [open, forgetAttempt]);

  async function create(values: ApiKeyFormValues) {
    const credential = await action.create(toCreateInput(values));
    setOpen(false);
    onCreated?.(credential);
  }

  let body: ReactNode;
  if (provider.isPending || provider.isError) {
    body = <ProviderLoadState provider={provider} />;
  } else if (!provider.data) {
    body = <Alert>{m.providerMissing}</Alert>;
  } else if (!provider.data.methods.includes('api_key')) {
    body = <Alert>{m.noApiKeyMethod({ provider: provider.data.name })}</Alert>;
  } else {
    body = (
      <ApiKeyForm
        fields={fields}
        mode="create"
        defaultValues={defaultValues}
        onSubmit={create}
        onTest={(values) => tester.test(toCreateInput(values).values)}
        onCancel={() => setOpen(false)}
      />
    );
  }

  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title={m.title}
      description={provider.data ? m.description({ provider: provider.data.name }) : undefined}
      preventClose={action.isPending}
      className={cn('pc-api-key-dialog', className)}
    >
      {body}
    </Dialog>
  );
}

/** An empty name lets the backend choose one; empty optional values are simply not given. */
function toCreateInput(values: ApiKeyFormValues): CreateApiKeyInput {
  const given: CredentialValues = {};
  for (const [key, value] of Object.entries(values.values)) {
    if (value !== '') given[key] = value;
  }
  return values.name === '' ? { values: given } : { name: values.name, values: given };
}
