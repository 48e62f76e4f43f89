import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { DeleteCredentialDialog } from 'pipeline-connect';
import { WithCredential } from './support/seeded-credential';
import { docsStoryInOwnFrame } from '../.storybook/docs-in-own-frame';

/**
 * Confirms deleting a credential and lists first the pipeline nodes that use it (from the
 * canvas, through the credential usage store), so nobody breaks a pipeline by surprise.
 */
const meta = {
  title: 'Dialogs/Delete credential',
  component: DeleteCredentialDialog,
  parameters: { docs: { story: docsStoryInOwnFrame('400px') }, backend: { seed: 'mixed' } },
  args: { open: true, onOpenChange: fn(), onDeleted: fn() },
  render: (args) => (
    <WithCredential id="cred-firecrawl-self-hosted">
      {(credential) => <DeleteCredentialDialog {...args} credential={credential} />}
    </WithCredential>
  ),
} satisfies Meta<typeof DeleteCredentialDialog>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A credential no node uses: nothing to warn about. */
export const NotUsed: Story = {
  args: { credential: undefined as never },
  play: async ({ canvasElement }) => {
    const body = within(canvasElement.ownerDocument.body);
    const dialog = within(await body.findByRole('dialog', { name: 'Delete credential' }));
    await expect(await dialog.findByText('Not used by any node.')).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Delete' })).toBeEnabled();
  },
};

/**
 * Deleted: the host is told and a toast names the credential. (Its own story, so that the one
 * above still shows the dialog on the Docs page, where each story's play function runs.)
 */
export const Deleted: Story = {
  args: { credential: undefined as never },
  play: async ({ args, canvasElement }) => {
    const body = within(canvasElement.ownerDocument.body);
    const dialog = within(await body.findByRole('dialog', { name: 'Delete credential' }));
    await dialog.findByText('Not used by any node.');
    await userEvent.click(dialog.getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(args.onDeleted).toHaveBeenCalled());
    await expect(await body.findByText('“Self-hosted crawler” was deleted.')).toBeInTheDocument();
  },
};
