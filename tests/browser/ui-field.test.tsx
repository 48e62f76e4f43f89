import { createRef } from 'react';
import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-react';
// Internal on purpose: the ui/ parts are not exported, and this file tests them.
import { Field } from '../../src/ui/field';
import {
  FieldControl,
  FieldError,
  FieldHelp,
  FieldHint,
  FieldLabel,
  FieldRoot,
} from '../../src/ui/field-parts';

function Region({ error, help }: { error?: string; help?: string }) {
  return (
    <FieldRoot className="extra">
      <FieldLabel>
        Region <FieldHint>(optional)</FieldHint>
      </FieldLabel>
      <FieldControl>
        <input />
      </FieldControl>
      <FieldError>{error}</FieldError>
      <FieldHelp>{help}</FieldHelp>
    </FieldRoot>
  );
}

describe('FieldRoot and its parts', () => {
  it('the label names the control; it is described only by the notes that are shown', async () => {
    const screen = await render(<Region />);
    const input = screen.getByRole('textbox', { name: 'Region (optional)' });
    await expect.element(input).not.toHaveAttribute('aria-describedby');
    await expect.element(input).not.toHaveAttribute('aria-invalid');
    await expect.element(input).toHaveAttribute('data-slot', 'field-control');
    const root = input.element().closest('[data-slot="field"]')!;
    expect(root.className).toBe('pc-field extra');
    expect(root.hasAttribute('data-invalid')).toBe(false);

    await screen.rerender(<Region help="Where your data lives." />);
    await expect.element(input).toHaveAccessibleDescription('Where your data lives.');
    await expect.element(input).not.toHaveAttribute('aria-invalid');
  });

  it('an error comes first in the description, makes the control invalid, and clears with it', async () => {
    const screen = await render(<Region help="Where your data lives." error="Pick a region." />);
    const input = screen.getByRole('textbox', { name: 'Region (optional)' });
    await expect.element(input).toHaveAttribute('aria-invalid', 'true');
    await expect
      .element(input)
      .toHaveAccessibleDescription('Pick a region. Where your data lives.');
    const ids = input.element().getAttribute('aria-describedby')!.split(' ');
    expect(document.getElementById(ids[0]!)?.dataset.slot).toBe('field-error');
    expect(document.getElementById(ids[1]!)?.dataset.slot).toBe('field-help');
    expect(input.element().closest('[data-slot="field"]')!.hasAttribute('data-invalid')).toBe(true);

    await screen.rerender(<Region help="Where your data lives." error="" />);
    await expect.element(input).not.toHaveAttribute('aria-invalid');
    await expect.element(input).toHaveAccessibleDescription('Where your data lives.');
    expect(screen.container.querySelector('[data-slot="field-error"]')).toBeNull();
  });

  it('takes the control id, a checkbox layout (label after), and a Learn more link', async () => {
    const screen = await render(
      <FieldRoot controlId="verify-ssl">
        <div className="pc-checkbox">
          <FieldControl>
            <input type="checkbox" />
          </FieldControl>
          <FieldLabel>Verify SSL</FieldLabel>
        </div>
        <FieldHelp learnMoreHref="https://example.com/ssl" />
      </FieldRoot>,
    );
    const checkbox = screen.getByRole('checkbox', { name: 'Verify SSL' });
    await expect.element(checkbox).toHaveAttribute('id', 'verify-ssl');
    await expect.element(checkbox).toHaveAccessibleDescription('Learn more');
    const link = screen.getByRole('link', { name: 'Learn more' });
    await expect.element(link).toHaveAttribute('href', 'https://example.com/ssl');
    await expect.element(link).toHaveAttribute('target', '_blank');
    await checkbox.click();
    await expect.element(checkbox).toBeChecked();
  });
});

describe('Field (the text or secret input)', () => {
  it('keeps its props: label, hint, help with a link, error, id and ref', async () => {
    const ref = createRef<HTMLInputElement>();
    const screen = await render(
      <Field
        ref={ref}
        id="api-key"
        label="API key"
        hint="(optional)"
        help="From your dashboard."
        helpUrl="https://example.com/keys"
        error="Too short."
        placeholder="sk-…"
      />,
    );
    const input = screen.getByRole('textbox', { name: 'API key (optional)' });
    expect(ref.current).toBe(input.element());
    await expect.element(input).toHaveAttribute('id', 'api-key');
    await expect.element(input).toHaveAttribute('type', 'text');
    await expect.element(input).toHaveAttribute('placeholder', 'sk-…');
    await expect.element(input).toHaveAttribute('aria-invalid', 'true');
    await expect
      .element(input)
      .toHaveAccessibleDescription('Too short. From your dashboard. Learn more');
  });

  it('a secret is a password input with a show/hide toggle, never autofilled', async () => {
    const screen = await render(<Field label="Secret" kind="secret" />);
    const input = screen.getByLabelText('Secret', { exact: true });
    await expect.element(input).toHaveAttribute('type', 'password');
    await expect.element(input).toHaveAttribute('autocomplete', 'new-password');
    const toggle = screen.getByRole('button', { name: 'Show value' });
    await expect.element(toggle).toHaveAttribute('aria-pressed', 'false');
    await toggle.click();
    await expect.element(input).toHaveAttribute('type', 'text');
    await expect
      .element(screen.getByRole('button', { name: 'Hide value' }))
      .toHaveAttribute('aria-pressed', 'true');
  });
});
