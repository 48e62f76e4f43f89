import type { Meta, StoryObj } from '@storybook/react-vite';
import { delay } from 'msw';
import { CredentialList, usePublishCredentialUsage, type PipelineNode } from 'pipeline-connect';
import { errorResponse, type MockStore } from 'pipeline-connect/mocks';
import { expect, fn, screen, userEvent, waitFor, within } from 'storybook/test';
// Test infrastructure: the typed MSW overrides (mocks/mock-http.ts), not a package export.
import { mockHttp } from '../mocks/mock-http';

/**
 * A provider's credentials: name, method, account (or a mask for a hidden key), the **Default**
 * badge and the state, with Rename, Edit, Re-authorize, Set as default and Delete in each row's
 * "More actions" menu. Each story starts from a fresh mock backend.
 */
const meta = {
  title: 'Manage/CredentialList',
  component: CredentialList,
  args: { providerId: 'notion' },
  parameters: { backend: { seed: 'mixed' } },
} satisfies Meta<typeof CredentialList>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * Publishes pipeline nodes as a host with its own `<ReactFlow>` does (the canvas does it itself),
 * so the delete confirmation can list them.
 */
function WithNodes({ nodes, children }: { nodes: PipelineNode[]; children: React.ReactNode }) {
  usePublishCredentialUsage(nodes);
  return <>{children}</>;
}

/** Two Notion nodes: one following the default credential (Team wiki), one naming it. */
const notionNodes: PipelineNode[] = [
  {
    id: 'n1',
    type: 'dataSource',
    position: { x: 0, y: 0 },
    data: { providerId: 'notion', credentialId: null },
  },
  {
    id: 'n2',
    type: 'dataSource',
    position: { x: 0, y: 90 },
    data: { providerId: 'notion', credentialId: 'cred-notion-key' },
  },
];

const list = (canvasElement: HTMLElement, provider: string) =>
  within(canvasElement).findByRole('list', { name: `${provider} credentials` });

/** An API key (the default, its key hidden) and an OAuth grant showing its account. */
export const Mixed: Story = {
  play: async ({ canvasElement }) => {
    const l = within(await list(canvasElement, 'Notion'));
    await expect(l.getByText('Team wiki')).toBeVisible();
    await expect(l.getByText('Default')).toBeVisible();
    await expect(l.getByText('Key hidden')).toBeInTheDocument();
    await expect(l.getAllByText("Ada's Workspace")[0]).toBeVisible();
  },
};

/** An API key stored without a secret (Jina Reader works without one) says "no key". */
export const NoKey: Story = {
  args: { providerId: 'jina-reader' },
  play: async ({ canvasElement }) => {
    const l = within(await list(canvasElement, 'Jina Reader'));
    const row = l.getByRole('listitem', { name: 'Jina Reader (no key)' });
    await expect(row).toHaveTextContent('no key');
    await expect(within(row).queryByText('Key hidden')).toBeNull();
  },
};

/** No credentials yet. */
export const Empty: Story = {
  parameters: { backend: { seed: 'empty' } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('No credentials yet.')).toBeVisible();
  },
};

/** Still loading. */
export const Loading: Story = {
  parameters: {
    backend: {
      handlers: [
        mockHttp.get('/credentials', async () => {
          await delay('infinite');
        }),
      ],
    },
  },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('status')).toHaveTextContent(
      'Loading credentials…',
    );
  },
};

/** Loading failed: what happened, and a way to try again. */
export const LoadError: Story = {
  parameters: {
    backend: {
      handlers: [
        mockHttp.get('/credentials', () =>
          errorResponse(500, { code: 'server_error', message: 'Down.', retryable: false }),
        ),
      ],
    },
  },
  play: async ({ canvasElement }) => {
    const c = within(canvasElement);
    await expect(await c.findByRole('alert')).toHaveTextContent('Could not load the credentials.');
    await expect(c.getByRole('button', { name: 'Try again' })).toBeVisible();
  },
};

/** Many credentials of one provider. */
export const Many: Story = {
  args: { providerId: 'firecrawl' },
  parameters: {
    backend: {
      seed: 'empty',
      prepare: (store: MockStore) => {
        for (const region of ['EU', 'US', 'APAC', 'Staging', 'QA', 'Research', 'Docs', 'Archive']) {
          store.createApiKeyCredential('firecrawl', {
            name: `Firecrawl ${region}`,
            // A key in Firecrawl's real format (fc- and 32 lowercase hexadecimal digits).
            values: { firecrawl_api_key: 'fc-95682d7661f1b3c761c622ea64b6e7e4' },
          });
        }
      },
    },
  },
  play: async ({ canvasElement }) => {
    const l = within(await list(canvasElement, 'Firecrawl'));
    await expect(l.getAllByRole('listitem')).toHaveLength(8);
  },
};

/** An expired OAuth grant, with Re-authorize on the row when the host handles it. */
export const Expired: Story = {
  args: { providerId: 'google-drive', onReauthorize: fn() },
  play: async ({ canvasElement, args }) => {
    const l = within(await list(canvasElement, 'Google Drive'));
    await expect(l.getByText('Expired')).toHaveAttribute('data-status', 'expired');
    await userEvent.click(l.getByRole('button', { name: 'Re-authorize' }));
    await expect(args.onReauthorize).toHaveBeenCalled();
  },
};

/** A revoked grant shows Invalid. */
export const Invalid: Story = {
  args: { providerId: 'dropbox' },
  play: async ({ canvasElement }) => {
    const l = within(await list(canvasElement, 'Dropbox'));
    await expect(l.getByText('Invalid')).toHaveAttribute('data-status', 'invalid');
  },
};

/** Every action is in a visible "More actions" menu, reachable by keyboard. */
export const ActionsMenu: Story = {
  play: async ({ canvasElement }) => {
    const l = within(await list(canvasElement, 'Notion'));
    l.getByRole('button', { name: "More actions for Ada's Workspace" }).focus();
    await userEvent.keyboard('{Enter}');
    await expect(await screen.findByRole('menuitem', { name: 'Rename' })).toBeVisible();
    await expect(screen.getByRole('menuitem', { name: 'Set as default' })).toBeVisible();
    await expect(screen.getByRole('menuitem', { name: 'Delete' })).toBeVisible();
    await userEvent.keyboard('{Escape}');
    await waitFor(() =>
      expect(l.getByRole('button', { name: "More actions for Ada's Workspace" })).toHaveFocus(),
    );
  },
};

/** Renaming in place: Enter saves, Escape cancels. */
export const Rename: Story = {
  play: async ({ canvasElement }) => {
    const l = within(await list(canvasElement, 'Notion'));
    await userEvent.click(l.getByRole('button', { name: 'More actions for Team wiki' }));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Rename' }));
    const input = await l.findByRole('textbox', { name: 'New name for Team wiki' });
    await userEvent.clear(input);
    await userEvent.type(input, 'Engineering wiki{Enter}');
    await expect(await l.findByText('Engineering wiki')).toBeVisible();
  },
};

/** A rename to a name that is taken is refused inline. */
export const RenameDuplicate: Story = {
  play: async ({ canvasElement }) => {
    const l = within(await list(canvasElement, 'Notion'));
    await userEvent.click(l.getByRole('button', { name: 'More actions for Team wiki' }));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Rename' }));
    const input = await l.findByRole('textbox', { name: 'New name for Team wiki' });
    await userEvent.clear(input);
    await userEvent.type(input, "ada's workspace{Enter}");
    await expect(await l.findByRole('alert')).toHaveTextContent(
      'This name is already used by another credential.',
    );
  },
};

/** Editing an API key: the stored key is never shown; blank keeps it. */
export const Edit: Story = {
  args: { providerId: 'firecrawl' },
  play: async ({ canvasElement }) => {
    const l = within(await list(canvasElement, 'Firecrawl'));
    await userEvent.click(l.getByRole('button', { name: 'More actions for Self-hosted crawler' }));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Edit' }));
    const d = within(await screen.findByRole('dialog', { name: 'Edit credential' }));
    await expect(await d.findByLabelText('API Key')).toHaveValue('');
    await expect(d.getByLabelText('API Key')).toHaveAccessibleDescription(
      /Leave blank to keep the current value\./,
    );
  },
};

/** Deleting asks first and lists the pipeline nodes that use the credential. */
export const DeleteConfirmation: Story = {
  render: (args) => (
    <WithNodes nodes={notionNodes}>
      <CredentialList {...args} />
    </WithNodes>
  ),
  play: async ({ canvasElement }) => {
    const l = within(await list(canvasElement, 'Notion'));
    await userEvent.click(l.getByRole('button', { name: 'More actions for Team wiki' }));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete credential' });
    await expect(dialog).toHaveTextContent('Used by 2 nodes:');
    await expect(await within(dialog).findByText('Notion #2')).toBeVisible();
    await waitFor(() =>
      expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus(),
    );
  },
};

/** **Test connection**: the provider is asked about the stored key; a notice says its verdict. */
export const TestConnection: Story = {
  args: { providerId: 'firecrawl' },
  play: async ({ canvasElement }) => {
    const l = within(await list(canvasElement, 'Firecrawl'));
    await userEvent.click(l.getByRole('button', { name: 'More actions for Firecrawl production' }));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Test connection' }));
    // The notice slides in: visible once its entrance has run.
    const notice = await screen.findByText('“Firecrawl production”: Firecrawl accepted this key.');
    await waitFor(() => expect(notice).toBeVisible());
  },
};

/**
 * Health with its age: when the provider last accepted each key ("Verified now" for one just
 * added), when each OAuth grant expires; the full date is on hover and for screen readers.
 */
export const HealthWithAge: Story = {
  args: { providerId: 'firecrawl' },
  parameters: {
    backend: {
      seed: 'empty',
      prepare: (store: MockStore) => {
        store.createApiKeyCredential('firecrawl', {
          name: 'Production',
          values: { firecrawl_api_key: 'fc-3c1a7d00b0f55339b7aeb0d6e0996d79' },
        });
      },
    },
  },
  play: async ({ canvasElement }) => {
    const l = within(await list(canvasElement, 'Firecrawl'));
    await expect(await l.findByText(/^Verified now/)).toBeVisible();
  },
};
