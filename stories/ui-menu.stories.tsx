import type { Meta, StoryObj } from '@storybook/react-vite';
import { Ellipsis, Pencil, Trash } from 'lucide-react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
// Internal on purpose: the ui/ parts are not exported; these stories document and test them.
import { Button } from '../src/ui/button';
import { Menu, MenuContent, MenuItem, MenuSeparator, MenuTrigger } from '../src/ui/menu';

function RowMenu({ onPick }: { onPick: (action: string) => void }) {
  return (
    <Menu>
      <MenuTrigger asChild>
        <Button variant="ghost" aria-label="More actions for Production">
          <Ellipsis aria-hidden size={16} />
        </Button>
      </MenuTrigger>
      <MenuContent align="end">
        <MenuItem onSelect={() => onPick('rename')}>
          <Pencil aria-hidden size={14} />
          Rename
        </MenuItem>
        <MenuItem disabled>Set as default</MenuItem>
        <MenuSeparator />
        <MenuItem variant="danger" onSelect={() => onPick('delete')}>
          <Trash aria-hidden size={14} />
          Delete
        </MenuItem>
      </MenuContent>
    </Menu>
  );
}

/**
 * **Menu** (Radix DropdownMenu): `Menu`, `MenuTrigger` (usually `asChild` around a `Button`),
 * `MenuContent` (portalled and themed; `align`, `sideOffset`), `MenuItem` (`onSelect`,
 * `variant="danger"`, `disabled`), `MenuSeparator`. Keyboard: Enter, Space or ↓ opens on the
 * first item, arrows move (skipping disabled items), Enter picks, Escape closes; focus returns to
 * the trigger.
 */
const meta = {
  title: 'UI/Menu',
  component: RowMenu,
  args: { onPick: fn() },
} satisfies Meta<typeof RowMenu>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Picking by keyboard: open, move past the disabled item, pick Delete; focus comes back. */
export const Keyboard: Story = {
  play: async ({ args, canvasElement }) => {
    const trigger = within(canvasElement).getByRole('button', {
      name: 'More actions for Production',
    });
    const body = within(canvasElement.ownerDocument.body);
    await userEvent.tab();
    await expect(trigger).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    const rename = await body.findByRole('menuitem', { name: 'Rename' });
    await waitFor(() => expect(rename).toHaveFocus());
    await userEvent.keyboard('{ArrowDown}');
    await expect(body.getByRole('menuitem', { name: 'Delete' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect(args.onPick).toHaveBeenCalledWith('delete');
    await waitFor(() => expect(body.queryByRole('menu')).toBeNull());
    await expect(trigger).toHaveFocus();
  },
};

/**
 * Opened with a click: the list is themed and marked (`data-slot`), Delete is the danger item and
 * the disabled one says so. Escape closes it and focus is back on the trigger.
 */
export const PointerThenEscape: Story = {
  play: async ({ canvasElement }) => {
    const trigger = within(canvasElement).getByRole('button', {
      name: 'More actions for Production',
    });
    await userEvent.click(trigger);
    const body = within(canvasElement.ownerDocument.body);
    const menu = await body.findByRole('menu');
    await expect(menu).toHaveAttribute('data-slot', 'menu-content');
    await expect(menu).toHaveAttribute('data-pc-root', '');
    await expect(within(menu).getByRole('menuitem', { name: 'Delete' })).toHaveAttribute(
      'data-variant',
      'danger',
    );
    await expect(within(menu).getByRole('menuitem', { name: 'Set as default' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    // Closed again before the accessibility check: while a modal menu is open the page behind
    // it is aria-hidden, trigger included.
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(body.queryByRole('menu')).toBeNull());
    await expect(trigger).toHaveFocus();
  },
};
