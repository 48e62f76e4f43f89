import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, spyOn, userEvent, within } from 'storybook/test';
// Internal on purpose: the ui/ parts are not exported; these stories document and test them.
import { CopyField } from '../src/ui/copy-field';

/**
 * **CopyField**: a read-only value (focus selects it) and a copy button, the next Tab stop. A live
 * region says "Copied", or how to copy by hand when the clipboard is refused; `data-status`
 * (`idle`, `copied`, `failed`) is the styling hook. `copyLabel` names the button when "Copy"
 * alone is vague; the words can be replaced (`copyText`, `copiedText`, `failedText`).
 */
const meta = {
  title: 'UI/CopyField',
  component: CopyField,
  args: {
    label: 'Redirect URI',
    value: 'https://app.example.com/oauth-callback.html',
    help: 'Add this address to your OAuth app’s allowed redirect URIs.',
    copyLabel: 'Copy the redirect URI',
    onCopyResult: fn(),
  },
} satisfies Meta<typeof CopyField>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Tab past the value to the button, Enter copies, the button and the live region say so. */
export const Copied: Story = {
  beforeEach: () => {
    const writeText = spyOn(navigator.clipboard, 'writeText').mockResolvedValue();
    return () => writeText.mockRestore();
  },
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.tab();
    await expect(canvas.getByRole('textbox', { name: 'Redirect URI' })).toHaveFocus();
    await userEvent.tab();
    await expect(canvas.getByRole('button', { name: 'Copy the redirect URI' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect(navigator.clipboard.writeText).toHaveBeenCalledWith(args.value);
    await expect(await canvas.findByRole('button', { name: 'Copied' })).toHaveFocus();
    await expect(canvas.getByRole('status')).toHaveTextContent('Copied');
    await expect(args.onCopyResult).toHaveBeenCalledWith('copied');
  },
};

/** The clipboard refused (a denied permission, an insecure page): the field says what to do. */
export const Refused: Story = {
  beforeEach: () => {
    const writeText = spyOn(navigator.clipboard, 'writeText').mockRejectedValue(
      new Error('denied'),
    );
    return () => writeText.mockRestore();
  },
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Copy the redirect URI' }));
    await expect(await canvas.findByText(/Could not copy/)).toBeVisible();
    await expect(canvas.getByRole('status')).toHaveTextContent(
      'Could not copy. Select the address and copy it yourself.',
    );
    await expect(args.onCopyResult).toHaveBeenCalledWith('failed');
  },
};
