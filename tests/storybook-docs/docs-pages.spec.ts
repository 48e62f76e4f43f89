import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type Frame, type Locator, type Page } from '@playwright/test';

/**
 * Every Docs page of the static Storybook build, as a reader of the catalog sees it: each story
 * block shows its story (in its own frame or inline), no dialog sits outside its story's box on
 * the page, and no story is left on a loading text. The pages are listed from the build's own
 * `index.json`, so a new stories file is checked without touching this test.
 */

interface IndexEntry {
  id: string;
  type: 'docs' | 'story';
  name: string;
  title: string;
}

const indexFile = fileURLToPath(new URL('../../storybook-static/index.json', import.meta.url));
if (!existsSync(indexFile)) {
  throw new Error('No static Storybook build: run `npm run build-storybook` first.');
}
const entries = Object.values(
  (JSON.parse(readFileSync(indexFile, 'utf8')) as { entries: Record<string, IndexEntry> }).entries,
);
const docsPages = entries.filter((entry) => entry.type === 'docs');
const stories = new Map(
  entries.filter((entry) => entry.type === 'story').map((entry) => [entry.id, entry]),
);

/** Bounded waits: how long a story may take to render, and to finish loading its data. */
const RENDER_WAIT_MS = 15_000;
const LOADING_WAIT_MS = 10_000;

/** The loading texts of the catalogs ("Loading the provider’s fields…", "Checking connection…"). */
const LOADING_TEXT = /\bLoading\b[^.\n]*…|Checking connection…/;

/** A story whose subject is the loading state (`Loading`, `LoadingProvider`) is meant to show it. */
function showsLoadingOnPurpose(story: IndexEntry | undefined): boolean {
  return story !== undefined && /^Loading\b/.test(story.name);
}

/** Bounded waits, as deadlines: a frame's start when it is scrolled to, an inline story's the page's. */
interface Deadlines {
  render: number;
  loading: number;
}

function deadlinesFromNow(): Deadlines {
  const now = Date.now();
  return { render: now + RENDER_WAIT_MS, loading: now + RENDER_WAIT_MS + LOADING_WAIT_MS };
}

/** Polls `check` until it holds or the deadline passes; says whether it held. */
async function eventually(check: () => Promise<boolean>, deadline: number): Promise<boolean> {
  for (;;) {
    if (await check().catch(() => false)) return true;
    if (Date.now() > deadline) return false;
    await new Promise((done) => setTimeout(done, 200));
  }
}

/**
 * In the page: whether any of the elements `selector` matches shows something — text, or a
 * visible picture or control. A story root whose dialog went to a portal elsewhere is empty.
 */
function showsSomething(selector: string): boolean {
  return [...document.querySelectorAll<HTMLElement>(selector)].some(
    (element) =>
      element.innerText.trim() !== '' ||
      [...element.querySelectorAll('svg, img, canvas, input, select, textarea, button')].some(
        (part) => {
          const box = part.getBoundingClientRect();
          return box.width > 0 && box.height > 0;
        },
      ),
  );
}

/** Checks a story rendered in its own frame; returns what is wrong with it. */
async function checkFramedStory(frameElement: Locator, label: string, story?: IndexEntry) {
  const deadlines = deadlinesFromNow();
  const handle = await frameElement.elementHandle();
  const frame: Frame | null = (await handle?.contentFrame()) ?? null;
  if (!frame) return [`${label}: its frame has no document`];
  // The frame is lazy: it loads once scrolled near the viewport, then Storybook renders the story.
  const rendered = await eventually(
    () =>
      frame.evaluate(
        () =>
          document.body.classList.contains('sb-show-main') ||
          document.body.classList.contains('sb-show-errordisplay'),
      ),
    deadlines.render,
  );
  if (!rendered) return [`${label}: the story never rendered in its frame`];
  if (await frame.evaluate(() => document.body.classList.contains('sb-show-errordisplay'))) {
    return [`${label}: the story failed to render in its frame`];
  }
  const problems: string[] = [];
  const shows = await eventually(
    () => frame.evaluate(showsSomething, '#storybook-root, [role="dialog"], [role="alertdialog"]'),
    deadlines.render,
  );
  if (!shows) problems.push(`${label}: its frame is empty`);
  if (!showsLoadingOnPurpose(story)) {
    const loaded = await eventually(
      async () => !LOADING_TEXT.test(await frame.evaluate(() => document.body.innerText)),
      deadlines.loading,
    );
    if (!loaded) problems.push(`${label}: still loading in its frame`);
  }
  return problems;
}

/** Checks a story rendered inline on the Docs page; returns what is wrong with it. */
async function checkInlineStory(
  root: Locator,
  label: string,
  story: IndexEntry | undefined,
  deadlines: Deadlines,
) {
  const problems: string[] = [];
  const shows = await eventually(async () => {
    const selector = `#${await root.getAttribute('id')}`;
    return root.page().evaluate(showsSomething, selector);
  }, deadlines.render);
  if (!shows) problems.push(`${label}: its box is empty`);
  if (!showsLoadingOnPurpose(story)) {
    const loaded = await eventually(
      async () => !LOADING_TEXT.test(await root.innerText()),
      deadlines.loading,
    );
    if (!loaded) problems.push(`${label}: still loading`);
  }
  return problems;
}

/** The dialogs on the Docs page itself that are not inside, and within the bounds of, a story block. */
function straysOf(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('[role="dialog"], [role="alertdialog"]')]
      .filter((dialog) => {
        const block = dialog.closest('[data-story-block]');
        if (!block) return true;
        const inner = dialog.getBoundingClientRect();
        const outer = block.getBoundingClientRect();
        return (
          inner.left < outer.left - 1 ||
          inner.top < outer.top - 1 ||
          inner.right > outer.right + 1 ||
          inner.bottom > outer.bottom + 1
        );
      })
      .map((dialog) => {
        const labelledBy = dialog.getAttribute('aria-labelledby');
        const title = labelledBy ? document.getElementById(labelledBy)?.textContent : null;
        return `a dialog (“${title ?? dialog.getAttribute('aria-label') ?? '?'}”) outside its story`;
      }),
  );
}

test('the build has Docs pages to check', () => {
  expect(docsPages.length).toBeGreaterThan(0);
});

for (const docs of docsPages) {
  test(`Docs page of ${docs.title}`, async ({ page }) => {
    await page.goto(`/iframe.html?viewMode=docs&id=${encodeURIComponent(docs.id)}`);
    await expect(page.locator('.sbdocs-content')).toBeVisible({ timeout: RENDER_WAIT_MS });
    await expect(page.locator('body')).not.toHaveClass(/sb-show-errordisplay/);
    const blocks = page.locator('[data-story-block]');
    await expect(blocks.first()).toBeAttached();

    // Inline stories render together with the page, so they share one set of deadlines.
    const inlineDeadlines = deadlinesFromNow();
    const problems: string[] = [];
    const count = await blocks.count();
    for (let index = 0; index < count; index += 1) {
      const block = blocks.nth(index);
      const blockId = (await block.getAttribute('id')) ?? '';
      const story = stories.get(blockId.replace(/^story--/, '').replace(/--primary$/, ''));
      const label = story ? `“${story.name}”` : blockId;
      await block.scrollIntoViewIfNeeded();
      const frame = block.locator('iframe');
      problems.push(
        ...((await frame.count()) > 0
          ? await checkFramedStory(frame, label, story)
          : await checkInlineStory(
              block.locator(`[id="${blockId}-inner"]`),
              label,
              story,
              inlineDeadlines,
            )),
      );
    }
    problems.push(...(await straysOf(page)));

    expect(problems, `${count} story blocks on ${docs.id}`).toEqual([]);
  });
}
