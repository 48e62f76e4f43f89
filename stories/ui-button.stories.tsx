import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
// Internal on purpose: the ui/ parts are not exported; these stories document and test them.
import { Button } from '../src/ui/button';

/**
 * **Button**: `variant` (`primary`, `secondary`, `ghost`, `danger`) and `size` (`sm`, `md`) are
 * `data-variant`/`data-size`; `data-slot="button"` marks it. `asChild` lends the look and the
 * handlers to its one child, e.g. a link. `type` defaults to `button`.
 */
const meta = {
  title: 'UI/Button',
  component: Button,
  args: { children: 'Save', onClick: fn() },
} satisfies Meta<typeof Button>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Every variant and size; Tab reaches each, Enter and Space press it. */
export const Variants: Story = {
  render: (args) => (
    <div style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
      <Button {...args} variant="primary">
        Primary
      </Button>
      <Button {...args}>Secondary</Button>
      <Button {...args} variant="ghost">
        Ghost
      </Button>
      <Button {...args} variant="danger">
        Danger
      </Button>
      <Button {...args} size="sm">
        Small
      </Button>
      <Button {...args} disabled>
        Disabled
      </Button>
    </div>
  ),
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.tab();
    await expect(canvas.getByRole('button', { name: 'Primary' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await userEvent.tab();
    await expect(canvas.getByRole('button', { name: 'Secondary' })).toHaveFocus();
    await userEvent.keyboard(' ');
    await expect(args.onClick).toHaveBeenCalledTimes(2);
    await expect(canvas.getByRole('button', { name: 'Danger' })).toHaveAttribute(
      'data-variant',
      'danger',
    );
    await expect(canvas.getByRole('button', { name: 'Disabled' })).toBeDisabled();
  },
};

/** `asChild`: a link that looks like a button, with no `type` and the button's data attributes. */
export const AsLink: Story = {
  render: (args) => (
    <Button asChild variant="secondary" onClick={args.onClick}>
      <a href="#authorize" onClick={(event) => event.preventDefault()}>
        Open in a new tab
      </a>
    </Button>
  ),
  play: async ({ args, canvasElement }) => {
    const link = within(canvasElement).getByRole('link', { name: 'Open in a new tab' });
    await expect(link).toHaveAttribute('data-slot', 'button');
    await expect(link).toHaveClass('pc-button');
    await expect(link).not.toHaveAttribute('type');
    await userEvent.tab();
    await expect(link).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect(args.onClick).toHaveBeenCalledOnce();
  },
};
