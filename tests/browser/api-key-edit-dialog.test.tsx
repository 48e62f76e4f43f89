import { EditCredentialDialog, useAllCredentials, type Credential } from 'pipeline-connect';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
// Test infrastructure: the typed MSW overrides (mocks/mock-http.ts).
import { mockHttp } from '../../mocks/mock-http';
import { renderWithBackend, type RenderWithBackendOptions } from '../support/render-with-backend';

/** Edits the credential as the list passes it: the latest copy from the credentials query. */
function Host({ id, onSaved }: { id: string; onSaved?: (credential: Credential) => void }) {
  const credentials = useAllCredentials();
  const [open, setOpen] = useState(true);
  const credential = credentials.data?.find((candidate) => candidate.id === id);
  if (!credential) return null;
  return (
    <EditCredentialDialog
      credential={credential}
      open={open}
      onOpenChange={setOpen}
      onSaved={onSaved}
    />
  );
}

async function renderEdit(
  id: string,
  options: RenderWithBackendOptions & { onSaved?: (c: Credential) => void } = {},
) {
  const { onSaved, ...backend } = options;
  const rendered = await renderWithBackend(<Host id={id} onSaved={onSaved} />, {
    seed: 'mixed',
    ...backend,
  });
  const dialog = rendered.screen.getByRole('dialog', { name: 'Edit credential' });
  await expect.element(dialog.getByLabelText('Authorization Name')).toBeVisible();
  return { ...rendered, dialog, save: dialog.getByRole('button', { name: 'Save' }) };
}

describe('EditCredentialDialog', () => {
  it('shows the stored name and plain values; secrets start blank and say they are kept', async () => {
    const { dialog } = await renderEdit('cred-firecrawl-self-hosted');
    const apiKey = dialog.getByLabelText('API Key');

    await expect
      .element(dialog)
      .toHaveAccessibleDescription('Change the name or values of “Self-hosted crawler”.');
    await expect
      .element(dialog.getByLabelText('Authorization Name'))
      .toHaveValue('Self-hosted crawler');
    await expect.element(apiKey).toHaveValue('');
    await expect.element(apiKey).toHaveAttribute('placeholder', 'Unchanged');
    await expect.element(apiKey).not.toHaveAttribute('aria-required');
    await expect.element(dialog.getByText('Leave blank to keep the current value.')).toBeVisible();
    await expect
      .element(dialog.getByLabelText('Base URL'))
      .toHaveValue('https://firecrawl.internal.example');
    // The mask the backend sends in place of the key is never shown.
    expect(dialog.element().innerHTML).not.toContain('********');
  });

  it('closes without a request when nothing changed', async () => {
    let requests = 0;
    const { screen, dialog, save } = await renderEdit('cred-firecrawl-production', {
      handlers: [
        mockHttp.patch('/credentials/{credentialId}', () => {
          requests += 1;
        }),
      ],
    });

    await save.click();

    await expect.element(dialog).not.toBeInTheDocument();
    await expect.element(screen.getByText('Nothing has changed.')).toBeVisible();
    expect(requests).toBe(0);
  });

  it('saves a retyped key and reports it', async () => {
    const onSaved = vi.fn();
    const { screen, dialog, save } = await renderEdit('cred-firecrawl-production', { onSaved });

    await dialog.getByLabelText('API Key').fill('fc-6dd56e65d43ce38aeda1c7f8de23c308');
    await save.click();

    await expect.element(screen.getByText('“Firecrawl production” was saved.')).toBeVisible();
    expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ version: 2 }));
  });

  it('requires a name', async () => {
    const { dialog, save } = await renderEdit('cred-firecrawl-production');

    await dialog.getByLabelText('Authorization Name').fill('  ');
    await save.click();

    await expect.element(dialog.getByText('Enter a name.')).toBeVisible();
  });

  it('puts a duplicate name (409) on Authorization Name', async () => {
    const { dialog, save } = await renderEdit('cred-firecrawl-production');

    await dialog.getByLabelText('Authorization Name').fill('self-hosted CRAWLER');
    await save.click();

    await expect
      .element(dialog.getByText('This name is already used by another credential.'))
      .toBeVisible();
  });

  it('says when someone else changed it meanwhile (412) and lets the retry through', async () => {
    const { screen, store, dialog, save } = await renderEdit('cred-firecrawl-production');
    store.updateCredential('cred-firecrawl-production', '1', { name: 'Firecrawl prod' });

    await dialog.getByLabelText('Base URL').fill('https://crawler.example.com');
    await save.click();

    await expect
      .element(dialog.getByRole('alert'))
      .toHaveTextContent('Someone else changed this meanwhile.');
    await expect
      .element(dialog.getByLabelText('Base URL'))
      .toHaveValue('https://crawler.example.com');

    await save.click();
    await expect.element(screen.getByText(/was saved\./)).toBeVisible();
  });

  it('edits only the name of an OAuth credential', async () => {
    const { dialog } = await renderEdit('cred-notion-oauth');

    await expect
      .element(dialog.getByLabelText('Authorization Name'))
      .toHaveValue("Ada's Workspace");
    await expect.element(dialog.getByLabelText('API Key')).not.toBeInTheDocument();
  });
});
