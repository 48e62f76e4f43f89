import type { MockStore } from 'pipeline-connect/mocks';
import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
// Test infrastructure: the typed MSW overrides (mocks/mock-http.ts).
import { mockHttp } from '../../mocks/mock-http';
// The stories' canvas frame: a fixed-size PipelineCanvas with the given nodes.
import { CanvasFrame, sourceNode } from '../../stories/support/canvas-frame';
import { renderWithBackend } from '../support/render-with-backend';

/** 100 characters, CJK and emoji, with no space to break at. */
const LONG = '知识库📚'.repeat(25);

/** The expired Google Drive grant (the provider's default) renamed to {@link LONG}. */
async function renderExpiredGrantWithLongName() {
  await renderWithBackend(
    <CanvasFrame nodes={[sourceNode('a', 'google-drive', null, true)]} height={700} />,
    {
      seed: 'mixed',
      prepare: (store) => {
        store.updateCredential('cred-google-drive-expired', '1', { name: LONG });
      },
    },
  );
  return page.getByRole('complementary', { name: 'Google Drive connection' });
}

const box = (element: Element) => element.getBoundingClientRect();

describe('names in the side panel', () => {
  it('keeps a long name readable beside Re-authorize: an ellipsis, and the whole name on hover and in the row’s name', async () => {
    const panel = await renderExpiredGrantWithLongName();
    const row = panel.getByRole('listitem', { name: LONG });
    await expect.element(row).toBeVisible();
    await expect.element(row.getByRole('button', { name: 'Re-authorize' })).toBeVisible();

    const name = row.getByTitle(LONG).element() as HTMLElement;
    expect(name.textContent).toBe(LONG);
    // Wide enough to read, and cut with a visible ellipsis rather than at a glyph.
    expect(box(name).width).toBeGreaterThan(100);
    expect(name.scrollWidth).toBeGreaterThan(name.clientWidth);
    expect(getComputedStyle(name).textOverflow).toBe('ellipsis');
    // Nothing in the row spills out of it.
    const rowBox = box(row.element());
    for (const child of row.element().querySelectorAll('button, .pc-credential-name')) {
      expect(box(child).right).toBeLessThanOrEqual(rowBox.right + 0.5);
    }
  });

  it('gives the inline rename field the row’s width', async () => {
    const panel = await renderExpiredGrantWithLongName();
    await panel.getByRole('button', { name: `More actions for ${LONG}` }).click();
    await page.getByRole('menuitem', { name: 'Rename' }).click();

    const input = panel.getByRole('textbox', { name: `New name for ${LONG}` });
    await expect.element(input).toHaveFocus();
    const row = input.element().closest('li') as HTMLElement;
    expect(box(input.element()).width).toBeGreaterThanOrEqual(0.9 * box(row).width);
  });

  it('keeps the title and the status line inside the panel, with the whole text on hover', async () => {
    let store: MockStore | undefined;
    const longProvider = `Notion ${'工作区'.repeat(20)}`;
    await renderWithBackend(
      <CanvasFrame nodes={[sourceNode('a', 'notion', null, true)]} height={700} />,
      {
        seed: 'mixed',
        prepare: (s) => {
          store = s;
          s.updateCredential('cred-notion-key', '1', { name: LONG });
        },
        handlers: [
          // The catalog as a provider with a long name would send it.
          mockHttp.get('/providers', ({ response }) =>
            response(200).json({
              providers: (store?.listProviders() ?? []).map((provider) =>
                provider.id === 'notion' ? { ...provider, name: longProvider } : provider,
              ),
            }),
          ),
        ],
      },
    );
    const panel = page.getByRole('complementary', { name: `${longProvider} connection` });
    await expect.element(panel.getByTitle(`Connected · ${LONG}`)).toBeVisible();
    const panelBox = box(panel.element());

    const title = panel.getByRole('heading', { name: longProvider });
    await expect.element(title).toHaveAttribute('title', longProvider);
    const titleElement = title.element() as HTMLElement;
    expect(getComputedStyle(titleElement).textOverflow).toBe('ellipsis');
    expect(titleElement.scrollWidth).toBeGreaterThan(titleElement.clientWidth);
    expect(box(titleElement).right).toBeLessThanOrEqual(panelBox.right);

    const status = panel.getByTitle(`Connected · ${LONG}`);
    await expect.element(status).toHaveTextContent(`Connected · ${LONG}`);
    const statusElement = status.element() as HTMLElement;
    // Wrapped inside the panel, the overflow clamped (with an ellipsis) rather than spilling out.
    expect(box(statusElement).right).toBeLessThanOrEqual(panelBox.right);
    expect(statusElement.scrollWidth).toBeLessThanOrEqual(statusElement.clientWidth);
    expect(statusElement.scrollHeight).toBeGreaterThan(statusElement.clientHeight);
  });
});
