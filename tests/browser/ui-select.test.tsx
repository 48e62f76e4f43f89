import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
// Internal on purpose: the ui/ parts are not exported, and this file tests them.
import { FieldControl, FieldHelp, FieldLabel, FieldRoot } from '../../src/ui/field-parts';
import { Select } from '../../src/ui/select';

function Region({ onChange }: { onChange: (value: string) => void }) {
  const [value, setValue] = useState('eu');
  return (
    <FieldRoot>
      <FieldLabel>Region</FieldLabel>
      <FieldControl>
        <Select
          className="extra"
          value={value}
          onChange={(event) => {
            setValue(event.target.value);
            onChange(event.target.value);
          }}
        >
          <option value="eu">Europe</option>
          <option value="us" disabled>
            United States (full)
          </option>
          <option value="ap">Asia Pacific</option>
        </Select>
      </FieldControl>
      <FieldHelp>Where your data is stored.</FieldHelp>
    </FieldRoot>
  );
}

describe('Select', () => {
  it('is a native combobox named by its label and described by its help', async () => {
    const screen = await render(<Region onChange={() => {}} />);
    const select = screen.getByRole('combobox', { name: 'Region' });
    await expect.element(select).toHaveDisplayValue('Europe');
    await expect.element(select).toHaveAccessibleDescription('Where your data is stored.');
    expect(select.element().className).toBe('pc-input pc-select extra');
  });

  it('changes with the arrow keys, skipping a disabled option', async () => {
    const onChange = vi.fn();
    const screen = await render(<Region onChange={onChange} />);
    const select = screen.getByRole('combobox', { name: 'Region' });
    (select.element() as HTMLSelectElement).focus();
    await userEvent.keyboard('{ArrowDown}');
    await expect.element(select).toHaveDisplayValue('Asia Pacific');
    expect(onChange).toHaveBeenCalledExactlyOnceWith('ap');
    await userEvent.keyboard('{ArrowUp}');
    await expect.element(select).toHaveDisplayValue('Europe');
  });

  it('keeps data-slot="select" on its own and takes a ref', async () => {
    let element: HTMLSelectElement | null = null;
    const screen = await render(
      <Select aria-label="Show" ref={(node) => void (element = node)}>
        <option>All</option>
      </Select>,
    );
    const select = screen.getByRole('combobox', { name: 'Show' });
    await expect.element(select).toHaveAttribute('data-slot', 'select');
    expect(element).toBe(select.element());
  });
});
