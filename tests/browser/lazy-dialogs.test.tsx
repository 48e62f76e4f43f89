import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { settingsWithDialogsChunk } from './dialogs-chunk';

/*
 * The dialogs' code is a chunk of its own, loaded on demand (preloaded while the page is idle).
 * Here the click comes while that chunk is still on its way: the test page is fresh (each test
 * file is), so the chunk has not been loaded before. Its failure is in lazy-dialogs-failure.
 */
describe('a dialog whose code is still loading', () => {
  it('opens on the first click once its code is there: no loading text, focus into it', async () => {
    // The page's idle preload has asked for the chunk (held: still loading; failed: quietly).
    const { chunk, configure } = await settingsWithDialogsChunk('hold');

    // Twice, as an impatient user does: one dialog, not two.
    await userEvent.dblClick(configure);
    await expect.element(page.getByRole('dialog')).not.toBeInTheDocument();
    await expect.element(page.getByText('Loading…')).not.toBeInTheDocument();
    // Nothing moved under the user: focus stays on what they clicked.
    expect(document.activeElement).toBe(configure.element());

    chunk.release();
    const dialog = page.getByRole('dialog', { name: 'Add API Key' });
    await expect.element(dialog.getByLabelText('API Key')).toBeVisible();
    expect(page.getByRole('dialog').elements()).toHaveLength(1);
    await expect.poll(() => dialog.element().contains(document.activeElement)).toBe(true);

    await userEvent.keyboard('{Escape}');
    await expect.element(dialog).not.toBeInTheDocument();
    expect(document.activeElement).toBe(configure.element());
  });
});
