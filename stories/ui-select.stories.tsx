import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, screen, userEvent, within } from 'storybook/test';
// Internal on purpose: the ui/ parts are not exported; these stories document and test them.
import { FieldControl, FieldHelp, FieldLabel, FieldRoot } from '../src/ui/field-parts';
import { Select } from '../src/ui/select';

const regions = [
  { value: 'eu', label: 'Europe' },
  { value: 'us', label: 'United States' },
  { value: 'ap', label: 'Asia Pacific', description: 'Singapore and Tokyo' },
  {
    value: 'long',
    label: 'A region whose name is far too long for the trigger, so it ends in an ellipsis',
  },
];

function RegionSelect({ onChange }: { onChange: (value: string) => void }) {
  const [value, setValue] = useState('eu');
  return (
    <div style={{ maxWidth: 280 }}>
      <FieldRoot>
        <FieldLabel>Region</FieldLabel>
        <FieldControl>
          <Select
            value={value}
            onValueChange={(next) => {
              setValue(next);
              onChange(next);
            }}
            options={regions}
          />
        </FieldControl>
        <FieldHelp>Where your data is stored.</FieldHelp>
      </FieldRoot>
    </div>
  );
}

/**
 * **Select**: Radix Select behind the library's look — a button (`role="combobox"`) that opens a
 * themed list in a portal. Props: `value`, `onValueChange`, `options` (`value`, `label`,
 * `disabled`, `description`), `placeholder`, `disabled`, and the ARIA a `FieldControl` passes.
 * Label it with the `FieldRoot` parts. A long label ends in an ellipsis (its title has it all).
 */
const meta = {
  title: 'UI/Select',
  component: RegionSelect,
  args: { onChange: fn() },
} satisfies Meta<typeof RegionSelect>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * Tab reaches it; Enter opens the list, ↓ moves, Enter picks, and focus returns to the trigger.
 * (No story leaves the list open: while it is, Radix hides the rest of the page from assistive
 * technology, trigger included, which axe reads as a hidden focusable element.)
 */
export const Keyboard: Story = {
  play: async ({ args, canvasElement }) => {
    const select = within(canvasElement).getByRole('combobox', { name: 'Region' });
    await expect(select).toHaveAccessibleDescription('Where your data is stored.');
    await expect(select).toHaveTextContent('Europe');
    await userEvent.tab();
    await expect(select).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    // The list is portalled out of the story's canvas.
    const list = await screen.findByRole('listbox');
    await expect(within(list).getByRole('option', { name: 'Europe' })).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    await expect(args.onChange).toHaveBeenCalledWith('ap');
    await expect(select).toHaveTextContent('Asia Pacific');
    await expect(select).toHaveFocus();
  },
};

/** A long label in a narrow trigger: an ellipsis, and the whole label on hover (its title). */
export const LongLabel: Story = {
  play: async ({ args, canvasElement }) => {
    const select = within(canvasElement).getByRole('combobox', { name: 'Region' });
    await userEvent.click(select);
    await userEvent.click(await screen.findByRole('option', { name: regions[3]!.label }));
    await expect(args.onChange).toHaveBeenCalledWith('long');
    await expect(select).toHaveAttribute('title', regions[3]!.label);
    const value = select.querySelector('.pc-select-value') as HTMLElement;
    await expect(value.scrollWidth).toBeGreaterThan(value.clientWidth);
  },
};
