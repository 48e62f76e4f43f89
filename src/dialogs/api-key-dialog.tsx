import { useMutation } from '@tanstack/react-query';
import { useMemo, type ReactNode } from 'react';
import { toast } from 'sonner';
import type { CreateApiKeyInput, Credential, CredentialValues } from '../credentials/backend';
import { useCredentialsBackend } from '../credentials/backend-context';
import { createApiKeyMutationOptions } from '../credentials/mutations';
import { useProvider } from '../credentials/use-credentials';
import { useMessages } from '../i18n/i18n-context';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';
import { errorMessage } from '../ui/error-message';
import { ApiKeyForm } from './api-key-form';
import { defaultFieldValues, type ApiKeyFormValues } from './api-key-form-schema';

/** Props of {@link ApiKeyDialog}. */
export interface ApiKeyDialogProps {
  /** The provider to add an API key for; its fields come from the backend's catalog. */
  providerId: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Called with the new credential once it is saved (the dialog has closed by then). */
  onCreated?: (credential: Credential) => void;
  /** Extra class on the dialog's content element. */
  className?: string;
}

/**
 * The **Add API Key** dialog: Authorization Name plus the provider's own fields, rendered from
 * its `apiKeyFields` schema. **Save** validates here, then with the backend; on success the dialog
 * closes, a toast names the new credential and `onCreated` fires. On any failure it stays open
 * with the input intact and says what happened. Typed secrets live only in the form while it is
 * open: they are cleared on success and on close, and never written anywhere else.
 *
 * @example
 * <ApiKeyDialog providerId="firecrawl" open={open} onOpenChange={setOpen}
 *   onCreated={(credential) => useCredentialOnNode(credential.id)} />
 */
export function ApiKeyDialog({
  providerId,
  open,
  onOpenChange,
  onCreated,
  className,
}: ApiKeyDialogProps) {
  const messages = useMessages();
  const m = messages.apiKey;
  const backend = useCredentialsBackend();
  const provider = useProvider(providerId);
  const mutation = useMutation(createApiKeyMutationOptions(backend, providerId));
  const fields = useMemo(() => provider.data?.apiKeyFields ?? [], [provider.data]);
  const defaultValues = useMemo<ApiKeyFormValues>(
    () => ({ name: '', values: defaultFieldValues(fields) }),
    [fields],
  );

  async function create(values: ApiKeyFormValues) {
    try {
      const credential = await mutation.mutateAsync({ input: toCreateInput(values) });
      toast.success(m.created({ name: credential.name }));
      onOpenChange(false);
      onCreated?.(credential);
    } finally {
      // The settled mutation still holds the variables, secret included: drop them now.
      mutation.reset();
    }
  }

  let body: ReactNode;
  if (provider.isPending) {
    body = (
      <p className="pc-dialog-loading" role="status">
        {m.loadingProvider}
      </p>
    );
  } else if (provider.isError) {
    body = (
      <Alert
        action={
          <Button size="sm" onClick={() => void provider.refetch()}>
            {messages.common.retry}
          </Button>
        }
      >
        {errorMessage(provider.error, messages)}
      </Alert>
    );
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
        onCancel={() => onOpenChange(false)}
      />
    );
  }

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={m.title}
      description={provider.data ? m.description({ provider: provider.data.name }) : undefined}
      preventClose={mutation.isPending}
      className={['pc-api-key-dialog', className].filter(Boolean).join(' ')}
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
