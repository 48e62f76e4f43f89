import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, userEvent, within } from 'storybook/test';
// Internal on purpose: the ui/ parts are not exported; these stories document and test them.
import { Field } from '../src/ui/field';
import {
  FieldControl,
  FieldError,
  FieldHelp,
  FieldHint,
  FieldLabel,
  FieldRoot,
} from '../src/ui/field-parts';
import { Select } from '../src/ui/select';

function Fields() {
  const [region, setRegion] = useState('');
  return (
    <div style={{ maxWidth: 360 }}>
      <Field
        label="API key"
        kind="secret"
        help="Find it in your dashboard."
        helpUrl="https://example.com/keys"
      />
      <FieldRoot>
        <FieldLabel>
          Region <FieldHint>(optional)</FieldHint>
        </FieldLabel>
        <FieldControl>
          <Select
            value={region}
            onValueChange={setRegion}
            placeholder="Choose a region"
            options={[{ value: 'eu', label: 'Europe' }]}
          />
        </FieldControl>
        <FieldError>Choose where your data is stored.</FieldError>
        <FieldHelp>Data stays in the region you choose.</FieldHelp>
      </FieldRoot>
      <FieldRoot>
        <div className="pc-checkbox">
          <FieldControl>
            <input type="checkbox" />
          </FieldControl>
          <FieldLabel>Include subpages</FieldLabel>
        </div>
        <FieldHelp>Also reads the pages below each page you pick.</FieldHelp>
      </FieldRoot>
    </div>
  );
}

/**
 * **Field**: `FieldRoot` with `FieldLabel` (and `FieldHint`), `FieldControl` (wraps the one
 * input, select or checkbox), `FieldHelp` (`learnMoreHref`) and `FieldError`, in any layout. The
 * label names the control, the error and help describe it (error first), and the control is
 * `aria-invalid` while an error shows. `Field` is the ready-made text or secret input built from
 * them.
 */
const meta = {
  title: 'UI/Field',
  component: Fields,
} satisfies Meta<typeof Fields>;

export default meta;
type Story = StoryObj<typeof meta>;

/** What a screen reader hears for each control, and the secret's show/hide toggle by keyboard. */
export const Wiring: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const key = canvas.getByLabelText('API key');
    await expect(key).toHaveAttribute('type', 'password');
    await expect(key).toHaveAccessibleDescription('Find it in your dashboard. Learn more');
    const region = canvas.getByRole('combobox', { name: 'Region (optional)' });
    await expect(region).toHaveAttribute('aria-invalid', 'true');
    await expect(region).toHaveAccessibleDescription(
      'Choose where your data is stored. Data stays in the region you choose.',
    );
    const subpages = canvas.getByRole('checkbox', { name: 'Include subpages' });
    await expect(subpages).toHaveAccessibleDescription(
      'Also reads the pages below each page you pick.',
    );
    await expect(subpages).not.toHaveAttribute('aria-invalid');

    await userEvent.tab();
    await expect(key).toHaveFocus();
    await userEvent.tab();
    await expect(canvas.getByRole('button', { name: 'Show value' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect(key).toHaveAttribute('type', 'text');
    await expect(canvas.getByRole('button', { name: 'Hide value' })).toHaveFocus();
    await userEvent.tab();
    await expect(canvas.getByRole('link', { name: 'Learn more' })).toHaveFocus();
    await userEvent.tab();
    await expect(region).toHaveFocus();
    await userEvent.tab();
    await userEvent.keyboard(' ');
    await expect(subpages).toBeChecked();
  },
};
