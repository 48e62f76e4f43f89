import {
  DeleteCredentialDialog,
  EditCredentialDialog,
  PipelineConnectProvider,
  createHttpCredentialsBackend,
  createPipelineConnectQueryClient,
  useAllCredentials,
} from 'pipeline-connect';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { render } from 'vitest-browser-react';
// Test infrastructure: the shared worker (mocks/shared-worker.ts), and the Alert, which is internal.
import { resetMockBackend, type MockBackendOptions } from '../../mocks/shared-worker';
import { Alert } from '../../src/ui/alert';
import { Button } from '../../src/ui/button';

/** 100 characters (the most a name may have), CJK and emoji with no spaces. */
const LONG_NAME = '数据源凭据🔑'.repeat(16) + '生产环🚀';
/** 100 characters with no break opportunity at all: one Latin "word" (underscores do not break). */
const UNBROKEN_NAME = 'Production_crawler_EU_'.repeat(4) + 'x'.repeat(12);

/** Renders `ui` on the mock backend, in `locale`, as a host would. */
async function renderIn(locale: 'en' | 'zh-Hans', ui: ReactNode, options: MockBackendOptions) {
  const store = await resetMockBackend(options);
  const backend = createHttpCredentialsBackend({ baseUrl: `${window.location.origin}/api` });
  await render(
    <PipelineConnectProvider
      backend={backend}
      queryClient={createPipelineConnectQueryClient()}
      locale={locale}
    >
      {ui}
    </PipelineConnectProvider>,
  );
  return store;
}

function withName(name: string) {
  return (store: Parameters<NonNullable<MockBackendOptions['prepare']>>[0]) => {
    store.createApiKeyCredential('firecrawl', {
      name,
      values: { firecrawl_api_key: 'fc-6dd56e65d43ce38aeda1c7f8de23c308' },
    });
  };
}

/** The first credential, in the Edit or Delete dialog (open). */
function Dialogs({ kind }: { kind: 'edit' | 'delete' }) {
  const credential = useAllCredentials().data?.[0];
  if (!credential) return null;
  return kind === 'edit' ? (
    <EditCredentialDialog credential={credential} defaultOpen />
  ) : (
    <DeleteCredentialDialog credential={credential} defaultOpen />
  );
}

/** Every text box inside `root` stays inside it: nothing sticks out to the right. */
function expectNothingOverflows(root: Element) {
  const box = root.getBoundingClientRect();
  for (const element of root.querySelectorAll('*')) {
    const rect = element.getBoundingClientRect();
    if (rect.width === 0) continue;
    expect(rect.right, `${element.tagName}.${element.className}`).toBeLessThanOrEqual(
      box.right + 0.5,
    );
  }
  expect(root.scrollWidth).toBeLessThanOrEqual(root.clientWidth);
}

describe('long names in dialogs', () => {
  const cases = [
    ['en', LONG_NAME],
    ['zh-Hans', LONG_NAME],
    ['en', UNBROKEN_NAME],
    ['zh-Hans', UNBROKEN_NAME],
  ] as const;
  for (const [locale, name] of cases) {
    it(`the Edit dialog wraps a 100-character name inside its box (${locale}, ${name.slice(0, 12)}…)`, async () => {
      await renderIn(locale, <Dialogs kind="edit" />, { prepare: withName(name) });
      const dialog = page.getByRole('dialog');
      await expect.element(dialog.getByText(name, { exact: false }).first()).toBeVisible();
      const description = dialog.element().querySelector('[data-slot="dialog-description"]');
      // The whole name is there to read: wrapped, not cut.
      expect(description?.textContent).toContain(name);
      expectNothingOverflows(dialog.element());
    });
  }

  it('the Delete dialog wraps the name too', async () => {
    await renderIn('zh-Hans', <Dialogs kind="delete" />, { prepare: withName(UNBROKEN_NAME) });
    const dialog = page.getByRole('dialog');
    await expect.element(dialog.getByText(UNBROKEN_NAME, { exact: false }).first()).toBeVisible();
    expectNothingOverflows(dialog.element());
  });
});

describe('Alert', () => {
  for (const label of ['Re-authorize', '重新授权', 'Try again']) {
    it(`keeps its action "${label}" on one line and moves it below the words when narrow`, async () => {
      await render(
        <div data-pc-root="" style={{ width: 200 }}>
          <Alert action={<Button size="sm">{label}</Button>}>
            此凭据已过期。请重新授权以保证流水线运行。{LONG_NAME}
          </Alert>
        </div>,
      );
      const button = page.getByRole('button', { name: label }).element() as HTMLElement;
      const body = document.querySelector('[data-slot="alert-body"]') as HTMLElement;
      const lineHeight = parseFloat(getComputedStyle(button).lineHeight);
      // One line of text: the button's content box is one line high, and nothing is cut.
      expect(button.scrollWidth).toBeLessThanOrEqual(button.clientWidth);
      expect(button.getBoundingClientRect().height).toBeLessThan(lineHeight * 2);
      // Below the words, not squeezed beside them.
      expect(button.getBoundingClientRect().top).toBeGreaterThanOrEqual(
        body.getBoundingClientRect().bottom,
      );
      expectNothingOverflows(document.querySelector('[data-slot="alert"]')!);
    });
  }

  it('keeps the action beside the words when there is room', async () => {
    await render(
      <div data-pc-root="" style={{ width: 600 }}>
        <Alert action={<Button size="sm">Try again</Button>}>Could not load.</Alert>
      </div>,
    );
    const button = page.getByRole('button', { name: 'Try again' }).element();
    const body = document.querySelector('[data-slot="alert-body"]')!;
    expect(button.getBoundingClientRect().top).toBeLessThan(body.getBoundingClientRect().bottom);
  });
});
