import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { EditCredentialDialog } from 'pipeline-connect';
import { WithCredential } from './support/seeded-credential';
import { docsStoryInOwnFrame } from '../.storybook/docs-in-own-frame';

/**
 * Edits a credential: its name and, for an API key, the provider's fields. Stored secrets are
 * never shown — their inputs start empty and a blank one keeps the current value. Pass the
 * latest copy of the credential: its `version` guards against overwriting someone else's edit.
 */
const meta = {
  title: 'Dialogs/Edit credential',
  component: EditCredentialDialog,
  parameters: { docs: { story: docsStoryInOwnFrame('560px') }, backend: { seed: 'mixed' } },
  args: { open: true, onOpenChange: fn(), onSaved: fn() },
  render: (args) => (
    <WithCredential id="cred-firecrawl-self-hosted">
      {(credential) => <EditCredentialDialog {...args} credential={credential} />}
    </WithCredential>
  ),
} satisfies Meta<typeof EditCredentialDialog>;

export default meta;
type Story = StoryObj<typeof meta>;

// `credential` comes from the mock backend in `render`.
const fromBackend = { credential: undefined as never };

export const SecretsStayHidden: Story = {
  args: fromBackend,
  play: async ({ canvasElement }) => {
    const body = within(canvasElement.ownerDocument.body);
    const dialog = within(await body.findByRole('dialog', { name: 'Edit credential' }));
    await expect(await dialog.findByLabelText('API Key')).toHaveValue('');
    await expect(await dialog.findByLabelText(/Base URL/)).toHaveValue(
      'https://firecrawl.internal.example',
    );
  },
};

export const Rename: Story = {
  args: fromBackend,
  play: async ({ args, canvasElement }) => {
    const body = within(canvasElement.ownerDocument.body);
    const dialog = within(await body.findByRole('dialog', { name: 'Edit credential' }));
    const name = await dialog.findByLabelText(/Authorization Name/);
    await userEvent.clear(name);
    await userEvent.type(name, 'Crawler (staging)');
    await userEvent.click(dialog.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(args.onSaved).toHaveBeenCalledWith(
        expect.objectContaining({ name: 'Crawler (staging)' }),
      ),
    );
  },
};

/** **Test** with the key left blank: the provider is asked about the stored key. */
export const TestStoredKey: Story = {
  args: fromBackend,
  play: async ({ canvasElement }) => {
    const body = within(canvasElement.ownerDocument.body);
    const dialog = within(await body.findByRole('dialog', { name: 'Edit credential' }));
    await userEvent.click(await dialog.findByRole('button', { name: 'Test' }));
    await expect(await dialog.findByText('Firecrawl accepted this key.')).toBeVisible();
  },
};

/** **Test** with a new key typed: the draft is tested, nothing is saved. */
export const TestNewKeyRefused: Story = {
  args: fromBackend,
  play: async ({ canvasElement }) => {
    const body = within(canvasElement.ownerDocument.body);
    const dialog = within(await body.findByRole('dialog', { name: 'Edit credential' }));
    await userEvent.type(await dialog.findByLabelText('API Key'), 'fc-not-a-real-key');
    await userEvent.click(dialog.getByRole('button', { name: 'Test' }));
    await expect(await dialog.findByText(/Firecrawl refused this key\./)).toBeVisible();
  },
};
