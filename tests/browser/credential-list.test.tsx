import {
  CredentialList,
  usePublishCredentialUsage,
  type CredentialListProps,
  type PipelineNode,
} from 'pipeline-connect';
import { errorResponse, type MockStore } from 'pipeline-connect/mocks';
import { Dialog } from 'radix-ui';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
// Test infrastructure: the typed MSW overrides (mocks/mock-http.ts).
import { mockHttp } from '../../mocks/mock-http';
import { credentialsSeenAs } from '../support/credentials-seen-as';
import { renderWithBackend, type RenderWithBackendOptions } from '../support/render-with-backend';

/**
 * Publishes pipeline nodes as a host with its own `<ReactFlow>` does, so the delete dialog can
 * list them (named after their provider, numbered when it has several).
 */
function PublishNodes({ nodes }: { nodes: PipelineNode[] }) {
  usePublishCredentialUsage(nodes);
  return null;
}

/** A Notion data-source node reading `credentialId` (`null`: the provider's default). */
function notionNode(id: string, credentialId: string | null): PipelineNode {
  return {
    id,
    type: 'dataSource',
    position: { x: 0, y: 0 },
    data: { providerId: 'notion', credentialId },
  };
}

async function renderList(
  props: Partial<CredentialListProps> = {},
  options: RenderWithBackendOptions & { nodes?: PipelineNode[] } = {},
) {
  const { nodes = [], ...backend } = options;
  const rendered = await renderWithBackend(
    <>
      <PublishNodes nodes={nodes} />
      <CredentialList providerId="notion" {...props} />
    </>,
    { seed: 'mixed', ...backend },
  );
  return rendered;
}

/** A refusal that says retrying will not help, so queries fail at once instead of retrying. */
const failure = (status: number, code: string) =>
  errorResponse(status, { code, message: 'No.', retryable: false });

describe('CredentialList — states', () => {
  it('says it is loading', async () => {
    const { screen } = await renderList({}, { scenario: 'slow' });
    await expect.element(screen.getByRole('status')).toHaveTextContent('Loading credentials…');
  });

  it('says when there are none yet', async () => {
    const { screen } = await renderList({}, { seed: 'empty' });
    await expect.element(screen.getByText('No credentials yet.')).toBeVisible();
  });

  it('says when loading failed, and retries', async () => {
    const { screen } = await renderList(
      {},
      {
        handlers: [
          mockHttp.get('/credentials', () => failure(500, 'server_error'), { once: true }),
        ],
      },
    );

    await expect
      .element(screen.getByRole('alert'))
      .toHaveTextContent('Could not load the credentials.');
    await expect.element(screen.getByRole('alert')).toHaveTextContent('The server had a problem.');
    await screen.getByRole('button', { name: 'Try again' }).click();
    await expect.element(screen.getByText('Team wiki')).toBeVisible();
  });

  it('lists name, method, account or a mask, the Default badge and the state', async () => {
    const { screen } = await renderList();
    const list = screen.getByRole('list', { name: 'Notion credentials' });
    const apiKey = list.getByRole('listitem').nth(0);
    const oauth = list.getByRole('listitem').nth(1);

    await expect.element(apiKey).toHaveTextContent('Team wiki');
    await expect.element(apiKey).toHaveTextContent('API Key');
    await expect.element(apiKey).toHaveTextContent('Key hidden');
    await expect.element(apiKey.getByText('Default')).toBeVisible();
    await expect.element(apiKey.getByText('Active')).toHaveAttribute('data-status', 'active');

    await expect.element(oauth).toHaveTextContent("Ada's Workspace");
    await expect.element(oauth).toHaveTextContent('OAuth');
    await expect.element(oauth.getByText('Default')).not.toBeInTheDocument();
  });

  it('says "no key" for an API key stored without a secret, not a mask implying one', async () => {
    const { screen } = await renderWithBackend(<CredentialList providerId="jina-reader" />, {
      seed: 'mixed',
    });
    const row = screen.getByRole('listitem', { name: 'Jina Reader (no key)' });

    await expect.element(row).toHaveTextContent('no key');
    await expect.element(row).not.toHaveTextContent('Key hidden');
    await expect.element(row).not.toHaveTextContent('••');
  });

  it('shows Expired and Invalid as text', async () => {
    const { screen } = await renderWithBackend(
      <>
        <CredentialList providerId="google-drive" />
        <CredentialList providerId="dropbox" />
      </>,
      { seed: 'mixed' },
    );

    await expect
      .element(
        screen
          .getByRole('list', { name: 'Google Drive credentials' })
          // Exactly: the health line under the name says "Expired … ago" too.
          .getByText('Expired', { exact: true }),
      )
      .toHaveAttribute('data-status', 'expired');
    await expect
      .element(
        screen
          .getByRole('list', { name: 'Dropbox credentials' })
          .getByText('Invalid', { exact: true }),
      )
      .toHaveAttribute('data-status', 'invalid');
  });
});

describe('CredentialList — actions', () => {
  it('offers no Re-authorize when the host does not handle it', async () => {
    const { screen } = await renderWithBackend(<CredentialList providerId="google-drive" />, {
      seed: 'mixed',
    });

    await screen.getByRole('button', { name: 'More actions for ada@example.com' }).click();
    await expect.element(screen.getByRole('menuitem', { name: 'Rename' })).toBeVisible();
    await expect
      .element(screen.getByRole('menuitem', { name: 'Re-authorize' }))
      .not.toBeInTheDocument();
    // OAuth credentials have no fields to edit.
    await expect.element(screen.getByRole('menuitem', { name: 'Edit' })).not.toBeInTheDocument();
    await expect
      .element(screen.getByRole('button', { name: 'Re-authorize' }))
      .not.toBeInTheDocument();
  });

  it('offers Re-authorize on OAuth rows, on the row itself when the grant expired', async () => {
    const onReauthorize = vi.fn();
    const { screen } = await renderWithBackend(
      <CredentialList providerId="google-drive" onReauthorize={onReauthorize} />,
      { seed: 'mixed' },
    );

    await screen.getByRole('button', { name: 'Re-authorize' }).click();
    expect(onReauthorize).toHaveBeenCalledWith(
      expect.objectContaining({ id: 'cred-google-drive-expired' }),
    );

    await screen.getByRole('button', { name: 'More actions for ada@example.com' }).click();
    await screen.getByRole('menuitem', { name: 'Re-authorize' }).click();
    expect(onReauthorize).toHaveBeenCalledTimes(2);
  });

  it('keeps focus on the row once a grant no longer needs re-authorizing', async () => {
    let renewed = false;
    let store: MockStore | undefined;
    const { screen, queryClient } = await renderWithBackend(
      <CredentialList
        providerId="google-drive"
        onReauthorize={() => {
          // As a successful flow ends: the grant is renewed and the list refetched.
          renewed = true;
          void queryClient.invalidateQueries();
        }}
      />,
      {
        seed: 'mixed',
        prepare: (s) => {
          store = s;
        },
        handlers: [
          credentialsSeenAs(
            () => store,
            (c) => (renewed ? { ...c, status: 'active' as const } : c),
          ),
        ],
      },
    );

    const reauthorize = screen.getByRole('button', { name: 'Re-authorize' });
    await expect.element(reauthorize).toBeVisible();
    reauthorize.element().focus();
    await userEvent.keyboard('{Enter}');
    await expect.element(reauthorize).not.toBeInTheDocument();
    await expect
      .element(screen.getByRole('button', { name: 'More actions for ada@example.com' }))
      .toHaveFocus();
  });

  it('renames in place with the keyboard: Enter saves and focus returns to the row', async () => {
    const { screen } = await renderList();
    const trigger = screen.getByRole('button', { name: 'More actions for Team wiki' });

    await expect.element(trigger).toBeVisible();
    trigger.element().focus();
    await userEvent.keyboard('{Enter}'); // opens the menu on its first item, Rename
    await expect.element(screen.getByRole('menuitem', { name: 'Rename' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    const input = screen.getByRole('textbox', { name: 'New name for Team wiki' });
    await expect.element(input).toHaveFocus();
    await expect.element(input).toHaveValue('Team wiki');

    await input.fill('Engineering wiki');
    await userEvent.keyboard('{Enter}');

    await expect.element(screen.getByText('Renamed to “Engineering wiki”.')).toBeVisible();
    await expect.element(input).not.toBeInTheDocument();
    const renamed = screen.getByRole('button', { name: 'More actions for Engineering wiki' });
    await expect.element(renamed).toHaveFocus();
  });

  it('cancels a rename with Escape', async () => {
    const { screen } = await renderList();

    await screen.getByRole('button', { name: 'More actions for Team wiki' }).click();
    await screen.getByRole('menuitem', { name: 'Rename' }).click();
    const input = screen.getByRole('textbox', { name: 'New name for Team wiki' });
    await input.fill('Something else');
    await userEvent.keyboard('{Escape}');

    await expect.element(input).not.toBeInTheDocument();
    await expect.element(screen.getByText('Team wiki')).toBeVisible();
    await expect
      .element(screen.getByRole('button', { name: 'More actions for Team wiki' }))
      .toHaveFocus();
  });

  it('cancels only the rename when Escape is pressed inside a dialog (e.g. Settings)', async () => {
    // A host's Settings dialog, built as the demo's is (Radix).
    function Settings() {
      const [open, setOpen] = useState(true);
      return (
        <Dialog.Root open={open} onOpenChange={setOpen}>
          <Dialog.Portal>
            <Dialog.Content data-pc-root="" aria-describedby={undefined}>
              <Dialog.Title>Settings</Dialog.Title>
              <CredentialList providerId="notion" />
            </Dialog.Content>
          </Dialog.Portal>
        </Dialog.Root>
      );
    }
    const { screen } = await renderWithBackend(<Settings />, { seed: 'mixed' });
    const settings = screen.getByRole('dialog', { name: 'Settings' });

    await settings.getByRole('button', { name: 'More actions for Team wiki' }).click();
    await screen.getByRole('menuitem', { name: 'Rename' }).click();
    const input = settings.getByRole('textbox', { name: 'New name for Team wiki' });
    await expect.element(input).toHaveFocus();
    await userEvent.keyboard('{Escape}');

    await expect.element(input).not.toBeInTheDocument();
    await expect.element(settings).toBeVisible();
    // A second Escape, with no rename open, closes the dialog as usual.
    await userEvent.keyboard('{Escape}');
    await expect.element(settings).not.toBeInTheDocument();
  });

  it('says inline when a new name is taken (409) or empty', async () => {
    const { screen } = await renderList();

    await screen.getByRole('button', { name: 'More actions for Team wiki' }).click();
    await screen.getByRole('menuitem', { name: 'Rename' }).click();
    const input = screen.getByRole('textbox', { name: 'New name for Team wiki' });

    await input.fill('   ');
    await userEvent.keyboard('{Enter}');
    await expect.element(screen.getByRole('alert')).toHaveTextContent('Enter a name.');

    await input.fill("ada's workspace");
    await userEvent.keyboard('{Enter}');
    await expect
      .element(screen.getByRole('alert'))
      .toHaveTextContent('This name is already used by another credential.');
    await expect.element(input).toHaveAttribute('aria-invalid', 'true');
    await expect.element(input).toHaveValue("ada's workspace");
    await expect.element(input).toHaveFocus();
  });

  it('says when someone else changed it meanwhile (412), refetches, and the retry works', async () => {
    const { screen, store } = await renderList();

    await screen.getByRole('button', { name: 'More actions for Team wiki' }).click();
    await screen.getByRole('menuitem', { name: 'Rename' }).click();
    const input = screen.getByRole('textbox', { name: 'New name for Team wiki' });
    // Another tab edits the credential after this one read it.
    store.updateCredential('cred-notion-key', '1', { name: 'Team wiki (shared)' });

    await input.fill('Engineering wiki');
    await userEvent.keyboard('{Enter}');
    await expect
      .element(screen.getByRole('alert'))
      .toHaveTextContent('Someone else changed this credential meanwhile.');
    await expect.element(input).toHaveValue('Engineering wiki');

    await userEvent.keyboard('{Enter}');
    await expect.element(screen.getByText('Renamed to “Engineering wiki”.')).toBeVisible();
  });

  it('sets a credential as the default', async () => {
    const { screen } = await renderList();
    const list = screen.getByRole('list', { name: 'Notion credentials' });

    await screen.getByRole('button', { name: "More actions for Ada's Workspace" }).click();
    await screen.getByRole('menuitem', { name: 'Set as default' }).click();

    await expect.element(screen.getByText("“Ada's Workspace” is now the default.")).toBeVisible();
    await expect.element(list.getByRole('listitem').nth(1).getByText('Default')).toBeVisible();
    await expect
      .element(list.getByRole('listitem').nth(0).getByText('Default'))
      .not.toBeInTheDocument();
  });

  it('reports a failed Set as default in a toast', async () => {
    const { screen } = await renderList(
      {},
      {
        handlers: [
          mockHttp.put('/providers/{providerId}/default-credential', () =>
            failure(403, 'forbidden'),
          ),
        ],
      },
    );

    await screen.getByRole('button', { name: "More actions for Ada's Workspace" }).click();
    await screen.getByRole('menuitem', { name: 'Set as default' }).click();

    await expect
      .element(screen.getByText("Could not make “Ada's Workspace” the default."))
      .toBeVisible();
    await expect.element(screen.getByText('You do not have permission to do this.')).toBeVisible();
  });

  it('edits an API key: secrets start blank and are kept unless retyped', async () => {
    const { screen } = await renderWithBackend(<CredentialList providerId="firecrawl" />, {
      seed: 'mixed',
    });

    await screen.getByRole('button', { name: 'More actions for Self-hosted crawler' }).click();
    await screen.getByRole('menuitem', { name: 'Edit' }).click();
    const dialog = screen.getByRole('dialog', { name: 'Edit credential' });
    const apiKey = dialog.getByLabelText('API Key');
    const baseUrl = dialog.getByLabelText('Base URL');

    await expect
      .element(dialog.getByLabelText('Authorization Name'))
      .toHaveValue('Self-hosted crawler');
    await expect.element(apiKey).toHaveValue('');
    await expect
      .element(apiKey)
      .toHaveAccessibleDescription(/Leave blank to keep the current value\./);
    await expect.element(baseUrl).toHaveValue('https://firecrawl.internal.example');

    await baseUrl.fill('https://crawler.example.com');
    await dialog.getByRole('button', { name: 'Save' }).click();

    await expect.element(dialog).not.toBeInTheDocument();
    await expect.element(screen.getByText('“Self-hosted crawler” was saved.')).toBeVisible();
    await expect
      .element(screen.getByRole('button', { name: 'More actions for Self-hosted crawler' }))
      .toHaveFocus();

    await screen.getByRole('button', { name: 'More actions for Self-hosted crawler' }).click();
    await screen.getByRole('menuitem', { name: 'Edit' }).click();
    const again = screen.getByRole('dialog', { name: 'Edit credential' });
    await expect
      .element(again.getByLabelText('Base URL'))
      .toHaveValue('https://crawler.example.com');
    await expect.element(again.getByLabelText('API Key')).toHaveValue('');
  });

  it('keeps the edit dialog open with its input when the save fails', async () => {
    const { screen } = await renderWithBackend(<CredentialList providerId="firecrawl" />, {
      seed: 'mixed',
      handlers: [mockHttp.patch('/credentials/{credentialId}', () => failure(503, 'server_error'))],
    });

    await screen.getByRole('button', { name: 'More actions for Firecrawl production' }).click();
    await screen.getByRole('menuitem', { name: 'Edit' }).click();
    const dialog = screen.getByRole('dialog', { name: 'Edit credential' });
    await dialog.getByLabelText('API Key').fill('fc-fb83c876b3702554dc6c5cc75c4ff574');
    await dialog.getByRole('button', { name: 'Save' }).click();

    await expect.element(dialog.getByRole('alert')).toHaveTextContent('The server had a problem.');
    await expect
      .element(dialog.getByLabelText('API Key'))
      .toHaveValue('fc-fb83c876b3702554dc6c5cc75c4ff574');
  });

  it('confirms a delete by listing the nodes that use it, then removes the row', async () => {
    const { screen } = await renderList(
      {},
      {
        nodes: [
          notionNode('n1', null),
          notionNode('n2', 'cred-notion-key'),
          notionNode('n3', 'cred-notion-oauth'),
        ],
      },
    );

    await screen.getByRole('button', { name: 'More actions for Team wiki' }).click();
    await screen.getByRole('menuitem', { name: 'Delete' }).click();
    const dialog = screen.getByRole('dialog', { name: 'Delete credential' });

    await expect.element(dialog).toHaveTextContent('Used by 2 nodes:');
    await expect.element(dialog.getByRole('listitem').first()).toHaveTextContent('Notion #1');
    await expect.element(dialog.getByRole('listitem').last()).toHaveTextContent('Notion #2');
    await expect.element(dialog.getByRole('button', { name: 'Cancel' })).toHaveFocus();

    await dialog.getByRole('button', { name: 'Delete' }).click();

    await expect.element(dialog).not.toBeInTheDocument();
    await expect.element(screen.getByText('“Team wiki” was deleted.')).toBeVisible();
    await expect
      .element(screen.getByRole('button', { name: 'More actions for Team wiki' }))
      .not.toBeInTheDocument();
    await expect.element(screen.getByRole('list', { name: 'Notion credentials' })).toHaveFocus();
  });

  it('says when no node uses the credential', async () => {
    const { screen } = await renderList();

    await screen.getByRole('button', { name: "More actions for Ada's Workspace" }).click();
    await screen.getByRole('menuitem', { name: 'Delete' }).click();

    await expect
      .element(screen.getByRole('dialog', { name: 'Delete credential' }))
      .toHaveTextContent('Not used by any node.');
  });

  it('keeps the delete dialog open and explains a failure; Cancel returns focus to the row', async () => {
    const { screen } = await renderList(
      {},
      {
        handlers: [
          mockHttp.delete('/credentials/{credentialId}', () => failure(503, 'server_error')),
        ],
      },
    );
    const trigger = screen.getByRole('button', { name: 'More actions for Team wiki' });

    await trigger.click();
    await screen.getByRole('menuitem', { name: 'Delete' }).click();
    const dialog = screen.getByRole('dialog', { name: 'Delete credential' });
    await dialog.getByRole('button', { name: 'Delete' }).click();

    await expect.element(dialog.getByRole('alert')).toHaveTextContent('The server had a problem.');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.element(dialog).not.toBeInTheDocument();
    await expect.element(trigger).toHaveFocus();
  });

  it('sends one delete for a double click', async () => {
    let requests = 0;
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { screen } = await renderList(
      {},
      {
        handlers: [
          mockHttp.delete('/credentials/{credentialId}', async () => {
            requests += 1;
            // Held until both clicks are in; then the happy-path handler answers.
            await released;
          }),
        ],
      },
    );

    await screen.getByRole('button', { name: 'More actions for Team wiki' }).click();
    await screen.getByRole('menuitem', { name: 'Delete' }).click();
    const dialog = screen.getByRole('dialog', { name: 'Delete credential' });
    await dialog.getByRole('button', { name: 'Delete' }).dblClick();
    release();

    await expect.element(dialog).not.toBeInTheDocument();
    expect(requests).toBe(1);
  });
});
