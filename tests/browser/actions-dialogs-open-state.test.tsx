import {
  ApiKeyDialog,
  DeleteCredentialDialog,
  EditCredentialDialog,
  OAuthClientSettingsDialog,
  useAllCredentials,
  type Credential,
} from 'pipeline-connect';
import { useState, type ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithBackend } from '../support/render-with-backend';

/*
 * Every dialog takes `open`, `defaultOpen` and `onOpenChange` with Radix's semantics: left to
 * itself it opens from `defaultOpen` and closes on its own; controlled, it tells `onOpenChange`
 * and changes only when the host passes the new `open`.
 */

const SEEDED_ID = 'cred-firecrawl-production';

/** Renders `render(credential)` once a seeded credential has loaded, as the list would pass it. */
function WithCredential({ render }: { render: (credential: Credential) => ReactNode }) {
  const credential = useAllCredentials().data?.find((candidate) => candidate.id === SEEDED_ID);
  return credential ? render(credential) : null;
}

function renderWithSeededCredential(render: (credential: Credential) => ReactNode) {
  return renderWithBackend(<WithCredential render={render} />, { seed: 'mixed' });
}

describe('dialogs left to themselves (defaultOpen)', () => {
  it('Add API Key opens from defaultOpen, saves and closes on its own', async () => {
    const onOpenChange = vi.fn();
    const onCreated = vi.fn();
    const { screen, store } = await renderWithBackend(
      <ApiKeyDialog
        providerId="firecrawl"
        defaultOpen
        onOpenChange={onOpenChange}
        onCreated={onCreated}
      />,
    );
    const dialog = screen.getByRole('dialog', { name: 'Add API Key' });
    await dialog.getByLabelText('Authorization Name').fill('Uncontrolled');
    await dialog.getByLabelText('API Key').fill('fc-3c1a7d00b0f55339b7aeb0d6e0996d79');
    await dialog.getByRole('button', { name: 'Save' }).click();

    await expect.element(dialog).not.toBeInTheDocument();
    expect(onOpenChange).toHaveBeenCalledWith(false);
    expect(onCreated).toHaveBeenCalledWith(expect.objectContaining({ name: 'Uncontrolled' }));
    expect(store.listCredentials().map((c) => c.name)).toEqual(['Uncontrolled']);
  });

  it('stays closed without open or defaultOpen', async () => {
    const { screen } = await renderWithBackend(
      <>
        <ApiKeyDialog providerId="firecrawl" />
        <OAuthClientSettingsDialog providerId="dropbox" />
      </>,
    );
    await expect.element(screen.getByRole('dialog')).not.toBeInTheDocument();
  });

  it('Edit closes on Cancel by itself', async () => {
    const onOpenChange = vi.fn();
    const { screen } = await renderWithSeededCredential((credential) => (
      <EditCredentialDialog credential={credential} defaultOpen onOpenChange={onOpenChange} />
    ));
    const dialog = screen.getByRole('dialog', { name: 'Edit credential' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.element(dialog).not.toBeInTheDocument();
    expect(onOpenChange).toHaveBeenCalledWith(false);
  });

  it('Delete deletes and closes by itself', async () => {
    const onDeleted = vi.fn();
    const { screen, store } = await renderWithSeededCredential((credential) => (
      <DeleteCredentialDialog credential={credential} defaultOpen onDeleted={onDeleted} />
    ));
    const dialog = screen.getByRole('dialog', { name: 'Delete credential' });
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await expect.element(dialog).not.toBeInTheDocument();
    expect(onDeleted).toHaveBeenCalledOnce();
    expect(store.listCredentials().some((c) => c.id === SEEDED_ID)).toBe(false);
  });

  it('OAuth Client Settings closes on Cancel by itself', async () => {
    const onOpenChange = vi.fn();
    const { screen } = await renderWithBackend(
      <OAuthClientSettingsDialog providerId="dropbox" defaultOpen onOpenChange={onOpenChange} />,
    );
    const dialog = screen.getByRole('dialog', { name: 'OAuth Client Settings' });
    await expect.element(dialog.getByLabelText('Client ID')).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.element(dialog).not.toBeInTheDocument();
    expect(onOpenChange).toHaveBeenCalledWith(false);
  });
});

describe('controlled dialogs', () => {
  it('tell onOpenChange and stay open until the host passes open={false}', async () => {
    const onOpenChange = vi.fn();
    const { screen } = await renderWithBackend(
      <ApiKeyDialog providerId="firecrawl" open onOpenChange={onOpenChange} />,
    );
    const dialog = screen.getByRole('dialog', { name: 'Add API Key' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(onOpenChange).toHaveBeenCalledWith(false);
    await expect.element(dialog).toBeVisible();
  });

  it('open and close as the host says', async () => {
    function Host() {
      const [open, setOpen] = useState(false);
      return (
        <>
          <button type="button" onClick={() => setOpen(true)}>
            Open settings
          </button>
          <OAuthClientSettingsDialog providerId="dropbox" open={open} onOpenChange={setOpen} />
        </>
      );
    }
    const { screen } = await renderWithBackend(<Host />);
    const dialog = screen.getByRole('dialog', { name: 'OAuth Client Settings' });
    await expect.element(dialog).not.toBeInTheDocument();
    await screen.getByRole('button', { name: 'Open settings' }).click();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.element(dialog).not.toBeInTheDocument();
  });
});
