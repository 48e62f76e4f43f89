import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
// Internal on purpose: the ui/ parts are not exported; these stories document and test them.
import { FieldControl, FieldHelp, FieldLabel, FieldRoot } from '../src/ui/field-parts';
import { Select } from '../src/ui/select';

/** Uncontrolled here (`defaultValue`); the browser tests drive a controlled one. */
function RegionSelect({ onChange }: { onChange: (value: string) => void }) {
  return (
    <FieldRoot>
      <FieldLabel>Region</FieldLabel>
      <FieldControl>
        <Select defaultValue="eu" onChange={(event) => onChange(event.target.value)}>
          <option value="eu">Europe</option>
          <option value="us">United States</option>
          <option value="ap">Asia Pacific</option>
        </Select>
      </FieldControl>
      <FieldHelp>Where your data is stored.</FieldHelp>
    </FieldRoot>
  );
}

/**
 * **Select**: a styled native `<select>` (`role="combobox"`) with `<option>` children — the
 * platform's own list, as the credential and schema selects use today. Label it with the
 * `FieldRoot` parts.
 */
const meta = {
  title: 'UI/Select',
  component: RegionSelect,
  args: { onChange: fn() },
} satisfies Meta<typeof RegionSelect>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * Tab reaches it; choosing a region tells `onChange`. (The arrow keys are in the browser tests: a
 * play function simulates keys, and a native list answers only real ones.)
 */
export const Keyboard: Story = {
  play: async ({ args, canvasElement }) => {
    const select = within(canvasElement).getByRole('combobox', { name: 'Region' });
    await expect(select).toHaveAccessibleDescription('Where your data is stored.');
    await expect(select).toHaveDisplayValue('Europe');
    await userEvent.tab();
    await expect(select).toHaveFocus();
    await userEvent.selectOptions(select, 'ap');
    await expect(select).toHaveDisplayValue('Asia Pacific');
    await expect(args.onChange).toHaveBeenCalledWith('ap');
  },
};
