import { PipelineCanvas, type Pipeline, type PipelineNode } from 'pipeline-connect';
import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { renderWithBackend } from '../support/render-with-backend';

const providers = ['notion', 'jina-reader', 'firecrawl', 'google-drive', 'dropbox', 'onedrive'];

/** The demo's shape: six sources, one step, the knowledge base, and an edge from each. */
const pipeline: Pipeline = {
  nodes: [
    ...providers.map((providerId, index): PipelineNode => ({
      id: providerId,
      type: 'dataSource',
      position: { x: 0, y: index * 96 },
      data: { providerId, credentialId: null },
    })),
    { id: 'chunk', type: 'processing', position: { x: 360, y: 240 }, data: { label: 'Chunk' } },
    {
      id: 'kb',
      type: 'knowledgeBase',
      position: { x: 620, y: 240 },
      data: { label: 'Knowledge Base' },
    },
  ],
  edges: [
    ...providers.map((providerId) => ({
      id: `e-${providerId}`,
      source: providerId,
      target: 'chunk',
    })),
    { id: 'e-kb', source: 'chunk', target: 'kb' },
  ],
};

function Canvas({ height = 700 }: { height?: number | string }) {
  return (
    <div style={{ width: '100%', height }}>
      <PipelineCanvas defaultPipeline={pipeline} panel={false} />
    </div>
  );
}

const node = (id: string) => page.getByTestId(`rf__node-${id}`);
const dataSourceCount = () => document.querySelectorAll('.react-flow__node-dataSource').length;

describe('the canvas from the keyboard', () => {
  it('reaches the first node in two Tabs: the palette is one stop, edges none', async () => {
    await renderWithBackend(<Canvas />);
    await expect.element(node('notion')).toHaveTextContent('Not connected');
    expect(document.querySelectorAll('.react-flow__edge[tabindex]')).toHaveLength(0);

    await userEvent.tab();
    await expect.element(page.getByRole('button', { name: 'Add Notion node' })).toHaveFocus();
    await userEvent.tab();
    await expect.element(node('notion')).toHaveFocus();
    await expect.element(node('notion')).toHaveAccessibleName('Notion Not connected');

    // Enter selects the focused node (React Flow's own keyboard handling).
    await userEvent.keyboard('{Enter}');
    await expect.element(node('notion')).toHaveClass('selected');
  });

  it('moves along the palette with the arrows, Home and End, and adds with Enter', async () => {
    await renderWithBackend(<Canvas />);
    const toolbar = page.getByRole('toolbar', { name: 'Data sources' });
    const item = (name: string) => toolbar.getByRole('button', { name: `Add ${name} node` });
    // Nodes show before the catalog has loaded: wait for the palette's items too.
    await expect.element(node('notion')).toBeVisible();
    await expect.element(item('Notion')).toBeVisible();

    await userEvent.tab();
    await expect.element(item('Notion')).toHaveFocus();
    // Each key, and the item it moves to (the arrows wrap around).
    const moves = [
      ['{ArrowDown}', 'Jina Reader'],
      ['{End}', 'OneDrive'],
      ['{ArrowDown}', 'Notion'],
      ['{ArrowUp}', 'OneDrive'],
      ['{Home}', 'Notion'],
      ['{ArrowDown}{ArrowDown}', 'Firecrawl'],
    ] as const;
    for (const [keys, name] of moves) {
      await userEvent.keyboard(keys);
      await expect.element(item(name)).toHaveFocus();
    }

    // One Tab stop: the item last moved to is the one Tab comes back to.
    expect(toolbar.element().querySelectorAll('[tabindex="0"]')).toHaveLength(1);
    await userEvent.keyboard('{Enter}');
    await expect.poll(dataSourceCount).toBe(7);
    await expect.element(node('firecrawl')).toHaveTextContent('Firecrawl #1');
  });
});

describe('the canvas at phone width', () => {
  afterEach(async () => {
    await page.viewport(1280, 800);
  });

  it('folds the palette into one button and fits the data sources in view', async () => {
    await page.viewport(390, 844);
    await renderWithBackend(<Canvas height="100vh" />);
    await expect.element(node('notion')).toHaveTextContent('Not connected');
    await expect.element(page.getByRole('toolbar')).not.toBeInTheDocument();

    const open = page.getByRole('button', { name: 'Add data source' });
    await open.click();
    await expect.element(page.getByRole('menuitem', { name: 'Add Dropbox node' })).toBeVisible();
    await userEvent.keyboard('{Escape}');
    await expect.element(page.getByRole('menu')).not.toBeInTheDocument();
    await expect.element(open).toHaveFocus();

    await userEvent.keyboard('{Enter}');
    await page.getByRole('menuitem', { name: 'Add Dropbox node' }).click();
    await expect.poll(dataSourceCount).toBe(7);
    await expect.element(open).toHaveFocus();

    for (const providerId of providers) {
      const box = node(providerId).element().getBoundingClientRect();
      expect(box.left, providerId).toBeGreaterThanOrEqual(0);
      expect(box.right, providerId).toBeLessThanOrEqual(390);
      expect(box.top, providerId).toBeGreaterThanOrEqual(0);
      expect(box.bottom, providerId).toBeLessThanOrEqual(844);
    }
  });
});
