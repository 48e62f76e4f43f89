import { describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
// Internal on purpose: the ui/ parts are not exported, and this file tests them.
import { RadioGroup, RadioGroupItem } from '../../src/ui/radio-group';

function Modes({ onValueChange }: { onValueChange: (value: string) => void }) {
  return (
    <>
      <button type="button">Before</button>
      <RadioGroup aria-label="OAuth client" defaultValue="custom" onValueChange={onValueChange}>
        {[
          ['default', 'Default', false],
          ['custom', 'Custom', false],
          ['off', 'Off', true],
        ].map(([value, label, disabled]) => (
          <div key={String(value)}>
            <RadioGroupItem
              id={`mode-${value}`}
              value={String(value)}
              disabled={Boolean(disabled)}
              aria-describedby={`mode-${value}-help`}
            />
            <label htmlFor={`mode-${value}`}>{label}</label>
            <span id={`mode-${value}-help`}>{`${label} help`}</span>
          </div>
        ))}
      </RadioGroup>
    </>
  );
}

describe('RadioGroup', () => {
  it('Tab lands on the checked radio; arrows move and check, skipping a disabled one', async () => {
    const onValueChange = vi.fn();
    const screen = await render(<Modes onValueChange={onValueChange} />);
    await expect.element(screen.getByRole('radiogroup', { name: 'OAuth client' })).toBeVisible();
    (screen.getByRole('button', { name: 'Before' }).element() as HTMLElement).focus();
    await userEvent.tab();
    const custom = screen.getByRole('radio', { name: 'Custom' });
    const fallback = screen.getByRole('radio', { name: 'Default' });
    await expect.element(custom).toHaveFocus();
    await expect.element(custom).toBeChecked();
    // Off is disabled, so ↓ wraps round to the first radio.
    await userEvent.keyboard('{ArrowDown}');
    await expect.element(fallback).toHaveFocus();
    await expect.element(fallback).toBeChecked();
    await expect.element(custom).not.toBeChecked();
    expect(onValueChange).toHaveBeenLastCalledWith('default');
    await userEvent.keyboard('{ArrowUp}');
    await expect.element(custom).toBeChecked();
  });

  it('a click on the label checks; each radio is described by its help; parts have slots and state', async () => {
    const onValueChange = vi.fn();
    const screen = await render(<Modes onValueChange={onValueChange} />);
    await screen.getByText('Default', { exact: true }).click();
    const fallback = screen.getByRole('radio', { name: 'Default' });
    await expect.element(fallback).toBeChecked();
    expect(onValueChange).toHaveBeenCalledExactlyOnceWith('default');
    await expect.element(fallback).toHaveAccessibleDescription('Default help');
    await expect.element(fallback).toHaveAttribute('data-slot', 'radio-group-item');
    await expect.element(fallback).toHaveAttribute('data-state', 'checked');
    expect(fallback.element().querySelector('[data-slot="radio-group-indicator"]')).not.toBeNull();
    await expect.element(screen.getByRole('radio', { name: 'Off' })).toBeDisabled();
    await expect
      .element(screen.getByRole('radiogroup'))
      .toHaveAttribute('data-slot', 'radio-group');
  });
});
