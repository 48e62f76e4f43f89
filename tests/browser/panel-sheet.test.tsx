import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
// The stories' canvas frame: a fixed-size PipelineCanvas with the given nodes.
import { CanvasFrame, sourceNode } from '../../stories/support/canvas-frame';
import { renderWithBackend } from '../support/render-with-backend';

describe('side panel at phone width', () => {
  beforeEach(async () => {
    await page.viewport(390, 844);
  });
  afterEach(async () => {
    await page.viewport(1280, 800);
  });

  it('is a bottom sheet: full width, at most 70% of the height, scrolling inside, over the canvas', async () => {
    await renderWithBackend(
      <CanvasFrame nodes={[sourceNode('a', 'notion', null, true)]} height={844} />,
      { seed: 'mixed' },
    );
    const panel = page.getByRole('complementary', { name: 'Notion connection' });
    await expect.element(panel.getByRole('list', { name: 'Notion credentials' })).toBeVisible();

    const element = panel.element() as HTMLElement;
    const box = element.getBoundingClientRect();
    expect(box.left).toBe(0);
    expect(box.width).toBe(window.innerWidth);
    expect(box.bottom).toBeCloseTo(window.innerHeight, 0);
    expect(box.height).toBeLessThanOrEqual(0.7 * window.innerHeight + 1);
    expect(getComputedStyle(element).overflowY).toBe('auto');
    // Over the canvas, not beside it: the canvas keeps the whole width.
    const flow = document.querySelector('.react-flow') as HTMLElement;
    expect(flow.getBoundingClientRect().width).toBe(window.innerWidth);
    expect(document.elementFromPoint(box.left + 20, box.bottom - 5)?.closest('aside')).toBe(
      element,
    );
  });
});
