import { describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
// Internal on purpose: the ui/ parts (and the colour mode they read) are not exported; tested here.
import { ColorModeProvider } from '../../src/theme/color-mode';
import { Button } from '../../src/ui/button';
import { Menu, MenuContent, MenuItem, MenuSeparator, MenuTrigger } from '../../src/ui/menu';

function Actions({ onPick }: { onPick: (action: string) => void }) {
  return (
    <Menu>
      <MenuTrigger asChild>
        <Button>Actions</Button>
      </MenuTrigger>
      <MenuContent className="extra">
        <MenuItem onSelect={() => onPick('rename')}>Rename</MenuItem>
        <MenuItem disabled onSelect={() => onPick('archive')}>
          Archive
        </MenuItem>
        <MenuSeparator />
        <MenuItem variant="danger" onSelect={() => onPick('delete')}>
          Delete
        </MenuItem>
      </MenuContent>
    </Menu>
  );
}

const trigger = () => page.getByRole('button', { name: 'Actions' });

describe('Menu', () => {
  it('opens from the keyboard on the first item, skips disabled items, picks with Enter and gives focus back', async () => {
    const onPick = vi.fn();
    await render(<Actions onPick={onPick} />);
    (trigger().element() as HTMLElement).focus();
    await userEvent.keyboard('{Enter}');
    await expect.element(page.getByRole('menu', { name: 'Actions' })).toBeVisible();
    await expect.element(page.getByRole('menuitem', { name: 'Rename' })).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}');
    await expect.element(page.getByRole('menuitem', { name: 'Delete' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    expect(onPick).toHaveBeenCalledExactlyOnceWith('delete');
    await expect.element(page.getByRole('menu')).not.toBeInTheDocument();
    await expect.element(trigger()).toHaveFocus();
  });

  it('Escape closes without picking, and focus goes back to the trigger', async () => {
    const onPick = vi.fn();
    await render(<Actions onPick={onPick} />);
    await trigger().click();
    await expect.element(page.getByRole('menuitem', { name: 'Rename' })).toBeVisible();
    await userEvent.keyboard('{Escape}');
    await expect.element(page.getByRole('menu')).not.toBeInTheDocument();
    await expect.element(trigger()).toHaveFocus();
    expect(onPick).not.toHaveBeenCalled();
  });

  it('puts a slot on every part and themes the portalled list', async () => {
    await render(
      <ColorModeProvider colorMode="dark">
        <Actions onPick={() => {}} />
      </ColorModeProvider>,
    );
    await expect.element(trigger()).toHaveAttribute('data-slot', 'menu-trigger');
    await expect.element(trigger()).toHaveAttribute('data-state', 'closed');
    // While the menu is open the rest of the page is hidden from the accessibility tree.
    const button = trigger().element();
    await trigger().click();
    await expect.element(button).toHaveAttribute('data-state', 'open');
    const menu = page.getByRole('menu');
    await expect.element(menu).toHaveAttribute('data-slot', 'menu-content');
    // A portal escapes the host's themed element, so the list carries the theme itself.
    await expect.element(menu).toHaveAttribute('data-pc-root', '');
    await expect.element(menu).toHaveAttribute('data-color-mode', 'dark');
    expect(menu.element().className).toBe('pc-menu extra');
    const remove = page.getByRole('menuitem', { name: 'Delete' });
    await expect.element(remove).toHaveAttribute('data-slot', 'menu-item');
    await expect.element(remove).toHaveAttribute('data-variant', 'danger');
    await expect
      .element(page.getByRole('menuitem', { name: 'Archive' }))
      .toHaveAttribute('data-disabled', '');
    await expect
      .element(page.getByRole('separator'))
      .toHaveAttribute('data-slot', 'menu-separator');
    await userEvent.keyboard('{Escape}');
  });

  it('picks with a click', async () => {
    const onPick = vi.fn();
    await render(<Actions onPick={onPick} />);
    await trigger().click();
    await page.getByRole('menuitem', { name: 'Rename' }).click();
    expect(onPick).toHaveBeenCalledExactlyOnceWith('rename');
    await expect.element(page.getByRole('menu')).not.toBeInTheDocument();
  });
});
