import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { settingsWithDialogsChunk } from './dialogs-chunk';

/*
 * The dialogs' code cannot be loaded (the network failed). A test file of its own: each file is a
 * fresh page, and here the chunk must never have loaded before.
 */
describe('a dialog whose code cannot be loaded', () => {
  it('says so, loses nothing, and opens once Try again gets the code', async () => {
    // The page's idle preload has asked for the chunk (held: still loading; failed: quietly).
    const { chunk, configure } = await settingsWithDialogsChunk('fail');
    await expect.element(page.getByRole('dialog')).not.toBeInTheDocument();

    await configure.click();
    const notice = page.getByRole('dialog', { name: 'Add API Key' });
    await expect
      .element(notice.getByText('Could not reach the server. Check your connection and try again.'))
      .toBeVisible();
    const retry = notice.getByRole('button', { name: 'Try again' });
    expect(document.activeElement).toBe(retry.element());

    // Close: back where the user was, nothing else changed.
    await notice.getByRole('button', { name: 'Close' }).click();
    await expect.element(notice).not.toBeInTheDocument();
    expect(document.activeElement).toBe(configure.element());

    // Asked again, still failing: the notice again (a new attempt was made, not an old error).
    await configure.click();
    await expect.element(notice.getByRole('button', { name: 'Try again' })).toBeVisible();

    // The network is back, slowly: Try again keeps the notice (busy) until the code is there.
    chunk.hold();
    await notice.getByRole('button', { name: 'Try again' }).click();
    await expect
      .element(notice.getByRole('button', { name: 'Try again' }))
      .toHaveAttribute('aria-busy', 'true');
    chunk.release();

    const dialog = page.getByRole('dialog', { name: 'Add API Key' });
    await expect.element(dialog.getByLabelText('API Key')).toBeVisible();
    await expect
      .element(page.getByText('Could not reach the server.', { exact: false }))
      .not.toBeInTheDocument();
    expect(page.getByRole('dialog').elements()).toHaveLength(1);
    await expect.poll(() => dialog.element().contains(document.activeElement)).toBe(true);

    await userEvent.keyboard('{Escape}');
    await expect.element(dialog).not.toBeInTheDocument();
    expect(document.activeElement).toBe(configure.element());
  });
});
