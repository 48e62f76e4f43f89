import { describe, expect, it } from 'vitest';
import { page, userEvent, type Locator } from 'vitest/browser';
// The stories' canvas frame: a fixed-size PipelineCanvas with the given nodes.
import { CanvasFrame, sourceNode } from '../../stories/support/canvas-frame';
import { renderWithBackend } from '../support/render-with-backend';

// A key in Firecrawl's real format (fc- and 32 lowercase hexadecimal digits).
const FIRECRAWL_KEY = 'fc-1c442870854b914bc0ee02561639322e';

const node = page.getByTestId('rf__node-a');
const panel = page.getByRole('complementary', { name: 'Firecrawl connection' });
const heading = panel.getByRole('heading', { name: 'Firecrawl' });

/** Something to start from before the canvas, as a page has a header. */
async function renderCanvas() {
  await renderWithBackend(
    <>
      <button type="button">Before the canvas</button>
      <CanvasFrame nodes={[sourceNode('a', 'firecrawl')]} />
    </>,
  );
  await expect.element(node).toHaveTextContent('Not connected');
  await page.getByRole('button', { name: 'Before the canvas' }).click();
}

/** Presses Tab until `target` has focus (bounded), as a keyboard user would. */
async function tabTo(target: Locator, max = 10) {
  for (let i = 0; i < max && document.activeElement !== target.element(); i += 1) {
    await userEvent.keyboard('{Tab}');
  }
  await expect.element(target).toHaveFocus();
}

describe('the side panel from the keyboard', () => {
  it('takes focus when opened from a node, and gives it back to the node on Escape and on Close', async () => {
    await renderCanvas();
    await tabTo(node);
    await userEvent.keyboard('{Enter}');
    await expect.element(heading).toHaveFocus();

    await userEvent.keyboard('{Escape}');
    await expect.element(panel).not.toBeInTheDocument();
    await expect.element(node).toHaveFocus();

    await userEvent.keyboard('{Enter}');
    await expect.element(heading).toHaveFocus();
    await tabTo(panel.getByRole('button', { name: 'Close panel' }), 1);
    await userEvent.keyboard('{Enter}');
    await expect.element(panel).not.toBeInTheDocument();
    await expect.element(node).toHaveFocus();
  });

  it('leaves focus where a click put it', async () => {
    await renderCanvas();
    await node.click();
    await expect.element(panel).toBeVisible();
    await expect.element(heading).not.toHaveFocus();
  });

  it('keeps focus in the panel after Save connects the node (not on <body>)', async () => {
    await renderCanvas();
    await tabTo(node);
    await userEvent.keyboard('{Enter}');
    await tabTo(panel.getByRole('button', { name: 'Connect: Add API Key' }), 3);
    await userEvent.keyboard('{Enter}');
    const dialog = page.getByRole('dialog', { name: 'Add API Key' });
    await expect.element(dialog.getByLabelText(/Authorization Name/)).toHaveFocus();
    await userEvent.keyboard('Crawler{Tab}');
    await userEvent.keyboard(`${FIRECRAWL_KEY}{Enter}`);

    await expect.element(dialog).not.toBeInTheDocument();
    await expect.element(node).toHaveTextContent('Connected · Crawler');
    // The same control, now offering another credential, still has focus.
    await expect
      .element(panel.getByRole('button', { name: 'Add credential: Add API Key' }))
      .toHaveFocus();
  });
});
