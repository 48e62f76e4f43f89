import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
// Internal on purpose: the ui/ parts are not exported, and this file tests them.
import { CopyField } from '../../src/ui/copy-field';

const uri = 'https://app.example.com/oauth-callback.html';

function renderUri(props: Partial<Parameters<typeof CopyField>[0]> = {}) {
  return render(
    <CopyField
      label="Redirect URI"
      value={uri}
      help="Add this address to your OAuth app."
      copyLabel="Copy the redirect URI"
      {...props}
    />,
  );
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('CopyField', () => {
  it('is reachable by keyboard, copies with Enter, says Copied, then reads Copy again', async () => {
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue();
    const onCopyResult = vi.fn();
    const screen = await renderUri({ resetAfterMs: 300, onCopyResult });
    const input = screen.getByRole('textbox', { name: 'Redirect URI' });
    await expect.element(input).toHaveValue(uri);
    await expect.element(input).toHaveAttribute('readonly');
    await expect.element(input).toHaveAccessibleDescription('Add this address to your OAuth app.');
    (input.element() as HTMLInputElement).focus();
    await userEvent.tab();
    const button = screen.getByRole('button', { name: 'Copy the redirect URI' });
    await expect.element(button).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    expect(writeText).toHaveBeenCalledExactlyOnceWith(uri);
    await expect.element(screen.getByRole('button', { name: 'Copied' })).toHaveFocus();
    await expect.element(screen.getByRole('status')).toHaveTextContent('Copied');
    const root = input.element().closest('[data-slot="copy-field"]')!;
    expect(root.getAttribute('data-status')).toBe('copied');
    expect(onCopyResult).toHaveBeenCalledExactlyOnceWith('copied');
    await expect.element(button).toHaveTextContent('Copy');
    await expect.element(screen.getByRole('status')).toHaveTextContent('');
    expect(root.getAttribute('data-status')).toBe('idle');
  });

  it('says how to copy by hand when the clipboard refuses', async () => {
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('denied'));
    const onCopyResult = vi.fn();
    const screen = await renderUri({ onCopyResult });
    await screen.getByRole('button', { name: 'Copy the redirect URI' }).click();
    await expect
      .element(screen.getByRole('status'))
      .toHaveTextContent('Could not copy. Select the address and copy it yourself.');
    expect(
      screen.container.querySelector('[data-slot="copy-field"]')?.getAttribute('data-status'),
    ).toBe('failed');
    expect(onCopyResult).toHaveBeenCalledExactlyOnceWith('failed');
    // The button keeps its name, so trying again is the same action.
    await expect
      .element(screen.getByRole('button', { name: 'Copy the redirect URI' }))
      .toBeVisible();
  });

  it('treats a page without a clipboard (not a secure context) as a refusal, in the caller’s words', async () => {
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
    try {
      const screen = await renderUri({ failedText: 'Copy it by hand.', copyText: 'Copy it' });
      await screen.getByRole('button', { name: 'Copy the redirect URI' }).click();
      await expect.element(screen.getByRole('status')).toHaveTextContent('Copy it by hand.');
    } finally {
      // The instance property hid the prototype's getter; removing it brings the clipboard back.
      delete (navigator as { clipboard?: unknown }).clipboard;
    }
    expect(navigator.clipboard).toBeDefined();
  });
});
