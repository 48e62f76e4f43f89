import type { Meta, StoryObj } from '@storybook/react-vite';
import { useId } from 'react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
// Internal on purpose: the ui/ parts are not exported; these stories document and test them.
import { RadioGroup, RadioGroupItem } from '../src/ui/radio-group';

const modes = [
  { value: 'default', title: 'Default', help: 'Use the platform’s OAuth client.' },
  { value: 'custom', title: 'Custom', help: 'Use an OAuth app you registered.' },
] as const;

function ClientModes({ onValueChange }: { onValueChange: (value: string) => void }) {
  const id = useId();
  return (
    <RadioGroup aria-label="OAuth client" defaultValue="default" onValueChange={onValueChange}>
      {modes.map((mode) => (
        <div key={mode.value} style={{ display: 'flex', gap: 10, alignItems: 'flex-start' }}>
          <RadioGroupItem
            id={`${id}-${mode.value}`}
            value={mode.value}
            aria-describedby={`${id}-${mode.value}-help`}
          />
          <div style={{ display: 'flex', flexDirection: 'column', fontSize: 14 }}>
            <label htmlFor={`${id}-${mode.value}`} style={{ fontWeight: 600 }}>
              {mode.title}
            </label>
            <span id={`${id}-${mode.value}-help`} style={{ color: 'var(--pc-fg-muted)' }}>
              {mode.help}
            </span>
          </div>
        </div>
      ))}
    </RadioGroup>
  );
}

/**
 * **RadioGroup** and **RadioGroupItem** (Radix RadioGroup): name the group (`aria-label`), give
 * each item an `id` for its `<label>` and `aria-describedby` for its help. Tab enters on the
 * checked item; arrows move and check. `data-state` (`checked`/`unchecked`) is the styling hook.
 */
const meta = {
  title: 'UI/RadioGroup',
  component: ClientModes,
  args: { onValueChange: fn() },
} satisfies Meta<typeof ClientModes>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Tab to the checked mode, ↓ checks Custom. */
export const Keyboard: Story = {
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('radiogroup', { name: 'OAuth client' })).toBeVisible();
    const fallback = canvas.getByRole('radio', { name: 'Default' });
    const custom = canvas.getByRole('radio', { name: 'Custom' });
    await expect(fallback).toBeChecked();
    await expect(custom).toHaveAccessibleDescription('Use an OAuth app you registered.');
    await userEvent.tab();
    await expect(fallback).toHaveFocus();
    // Held down as a person presses it: Radix moves focus a moment later and checks the radio
    // only while the arrow is still down.
    await userEvent.keyboard('{ArrowDown>}');
    await waitFor(() => expect(custom).toHaveFocus());
    await expect(custom).toBeChecked();
    await userEvent.keyboard('{/ArrowDown}');
    await expect(args.onValueChange).toHaveBeenCalledWith('custom');
  },
};
