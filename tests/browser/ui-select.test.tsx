import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
// Internal on purpose: the ui/ parts (and the colour mode they read) are not exported; tested here.
import { ColorModeProvider } from '../../src/theme/color-mode';
import { FieldControl, FieldHelp, FieldLabel, FieldRoot } from '../../src/ui/field-parts';
import { Select, type SelectOption } from '../../src/ui/select';

const regions: SelectOption[] = [
  { value: 'eu', label: 'Europe' },
  { value: 'us', label: 'United States (full)', disabled: true },
  { value: 'ap', label: 'Asia Pacific', description: 'Singapore and Tokyo' },
  { value: 'sa', label: 'South America' },
];

function Region({
  onChange,
  initial = 'eu',
  options = regions,
}: {
  onChange: (value: string) => void;
  initial?: string;
  options?: SelectOption[];
}) {
  const [value, setValue] = useState(initial);
  return (
    <FieldRoot>
      <FieldLabel>Region</FieldLabel>
      <FieldControl>
        <Select
          className="extra"
          value={value}
          placeholder="Choose a region"
          onValueChange={(next) => {
            setValue(next);
            onChange(next);
          }}
          options={options}
        />
      </FieldControl>
      <FieldHelp>Where your data is stored.</FieldHelp>
    </FieldRoot>
  );
}

const trigger = () => page.getByRole('combobox', { name: 'Region' });

describe('Select', () => {
  it('is a combobox named by its field label, described by its help, showing the chosen label', async () => {
    await render(<Region onChange={() => {}} />);
    await expect.element(trigger()).toHaveTextContent('Europe');
    await expect.element(trigger()).toHaveAccessibleDescription('Where your data is stored.');
    await expect.element(trigger()).toHaveAttribute('data-slot', 'select');
    expect(trigger().element().classList.contains('extra')).toBe(true);
    // Clicking the label reaches the trigger too, as a native select's label does.
    await page.getByText('Region', { exact: true }).click();
    await expect.element(page.getByRole('listbox')).toBeVisible();
  });

  it('opens from the keyboard, moves with the arrows past a disabled option, picks with Enter and gives focus back', async () => {
    const onChange = vi.fn();
    await render(<Region onChange={onChange} />);
    (trigger().element() as HTMLElement).focus();
    await userEvent.keyboard('{Enter}');
    await expect.element(page.getByRole('option', { name: 'Europe' })).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}');
    // An option says all it shows: its label and its description.
    await expect
      .element(page.getByRole('option', { name: 'Asia Pacific Singapore and Tokyo', exact: true }))
      .toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect.element(page.getByRole('listbox')).not.toBeInTheDocument();
    expect(onChange).toHaveBeenCalledExactlyOnceWith('ap');
    // The trigger shows the label alone, not the option's description.
    await expect.element(trigger()).toHaveTextContent(/^Asia Pacific$/);
    await expect.element(trigger()).toHaveFocus();
  });

  it('jumps to an option by typing its first letters, and Escape closes without picking', async () => {
    const onChange = vi.fn();
    await render(<Region onChange={onChange} />);
    (trigger().element() as HTMLElement).focus();
    await userEvent.keyboard(' ');
    await expect.element(page.getByRole('listbox')).toBeVisible();
    await userEvent.keyboard('So');
    await expect.element(page.getByRole('option', { name: 'South America' })).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    await expect.element(page.getByRole('listbox')).not.toBeInTheDocument();
    await expect.element(trigger()).toHaveTextContent('Europe');
    await expect.element(trigger()).toHaveFocus();
    expect(onChange).not.toHaveBeenCalled();
  });

  it('shows the placeholder until a choice, and offers an empty choice as a real option', async () => {
    const onChange = vi.fn();
    await render(
      <Region onChange={onChange} initial="" options={[{ value: 'eu', label: 'Europe' }]} />,
    );
    await expect.element(trigger()).toHaveTextContent('Choose a region');
    await expect.element(trigger()).toHaveAttribute('data-placeholder');
    await trigger().click();
    await page.getByRole('option', { name: 'Europe' }).click();
    expect(onChange).toHaveBeenLastCalledWith('eu');
  });

  it('gives back an empty string for the "none" option of an optional field', async () => {
    const onChange = vi.fn();
    await render(
      <Region
        onChange={onChange}
        options={[
          { value: '', label: 'None' },
          { value: 'eu', label: 'Europe' },
        ]}
      />,
    );
    await trigger().click();
    await page.getByRole('option', { name: 'None' }).click();
    expect(onChange).toHaveBeenLastCalledWith('');
    await expect.element(trigger()).toHaveTextContent('None');
  });

  it('ends a long label in an ellipsis inside the trigger, with the whole label as its title', async () => {
    const long = 'A region with a very long name that does not fit in a narrow trigger at all';
    await render(
      <div style={{ width: 160 }}>
        <Region onChange={() => {}} initial="x" options={[{ value: 'x', label: long }]} />
      </div>,
    );
    await expect.element(trigger()).toHaveAttribute('title', long);
    const value = trigger().element().querySelector('.pc-select-value') as HTMLElement;
    expect(getComputedStyle(value).textOverflow).toBe('ellipsis');
    expect(value.scrollWidth).toBeGreaterThan(value.clientWidth);
    expect(trigger().element().getBoundingClientRect().width).toBeLessThanOrEqual(160);
  });

  it('themes its portalled list and takes a ref to the trigger', async () => {
    let element: HTMLButtonElement | null = null;
    await render(
      <ColorModeProvider colorMode="dark">
        <Select
          aria-label="Show"
          value="all"
          onValueChange={() => {}}
          options={[{ value: 'all', label: 'All' }]}
          ref={(node) => void (element = node)}
        />
      </ColorModeProvider>,
    );
    const select = page.getByRole('combobox', { name: 'Show' });
    expect(element).toBe(select.element());
    await select.click();
    const list = page.getByRole('listbox');
    await expect.element(list).toBeVisible();
    const content = list.element().closest('[data-slot="select-content"]');
    expect(content?.getAttribute('data-color-mode')).toBe('dark');
    expect(content?.hasAttribute('data-pc-root')).toBe(true);
  });
});
