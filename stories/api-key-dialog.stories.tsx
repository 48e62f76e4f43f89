import type { Meta, StoryObj } from '@storybook/react-vite';
import { delay, HttpResponse } from 'msw';
import { ApiKeyDialog } from 'pipeline-connect';
import type { MockStore } from 'pipeline-connect/mocks';
import { expect, fn, screen, userEvent, waitFor, within } from 'storybook/test';
// Test infrastructure: the typed MSW overrides (mocks/mock-http.ts), not a package export.
import { mockHttp } from '../mocks/mock-http';
import { docsStoryInOwnFrame } from '../.storybook/docs-in-own-frame';

/**
 * **Add API Key**: Authorization Name plus the provider's own fields, rendered from the schema
 * the backend serves. Save validates here, then with the backend; any failure keeps the dialog
 * open with the input intact. Each story starts from a fresh mock backend.
 */
const meta = {
  title: 'Dialogs/ApiKeyDialog',
  component: ApiKeyDialog,
  parameters: { docs: { story: docsStoryInOwnFrame('600px') } },
  args: {
    providerId: 'firecrawl',
    open: true,
    onOpenChange: fn(),
    onCreated: fn(),
  },
} satisfies Meta<typeof ApiKeyDialog>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The create-credential operation the overrides answer. */
const CREATE = '/providers/{providerId}/credentials';

/** A key in Firecrawl's real format (fc- and 32 lowercase hexadecimal digits): the mock accepts it. */
const LIVE_KEY = 'fc-3c1a7d00b0f55339b7aeb0d6e0996d79';

async function dialog() {
  return within(await screen.findByRole('dialog', { name: 'Add API Key' }));
}

/** Fills the form the way a person would. */
async function fill(name: string, key: string) {
  const d = await dialog();
  const nameInput = await d.findByLabelText(/Authorization Name/);
  await userEvent.clear(nameInput);
  if (name) await userEvent.type(nameInput, name);
  await userEvent.type(d.getByLabelText('API Key'), key);
  return d;
}

/** Firecrawl's schema: the key (required, secret) and an optional self-hosted base URL. */
export const Empty: Story = {
  play: async () => {
    const d = await dialog();
    await expect(await d.findByLabelText('API Key')).toHaveAttribute('type', 'password');
    await expect(d.getByLabelText(/Authorization Name/)).toHaveValue('');
    await expect(d.getByLabelText(/Base URL/)).toHaveAttribute(
      'placeholder',
      'https://api.firecrawl.dev',
    );
    await expect(
      d.getByText('Your key is stored encrypted and is never shown again.'),
    ).toBeVisible();
    await expect(d.getByRole('button', { name: 'Save' })).toBeEnabled();
  },
};

/** Filled in and ready to save; the key can be shown to check it. */
export const Filled: Story = {
  play: async () => {
    const d = await fill('Production', LIVE_KEY);
    await userEvent.click(d.getByRole('button', { name: 'Show value' }));
    await expect(d.getByLabelText('API Key')).toHaveAttribute('type', 'text');
  },
};

/** Notion: one secret field. */
export const Notion: Story = {
  args: { providerId: 'notion' },
  play: async () => {
    const d = await dialog();
    await expect(await d.findByLabelText('API Key')).toBeVisible();
    await expect(d.queryByLabelText('Base URL')).toBeNull();
  },
};

/** Jina Reader's key is optional: saving with nothing typed is fine. */
export const OptionalKey: Story = {
  args: { providerId: 'jina-reader' },
  play: async () => {
    const d = await dialog();
    await expect(await d.findByLabelText(/API Key/)).not.toHaveAttribute('aria-required');
    await expect(d.getByLabelText(/API Key/)).toHaveAccessibleName(/API Key\s*\(optional\)/);
  },
};

/** Missing and malformed input is caught before anything is sent. */
export const ClientValidation: Story = {
  play: async () => {
    const d = await fill('x'.repeat(101), 'fc-12 34');
    await userEvent.click(d.getByRole('button', { name: 'Save' }));
    await expect(await d.findByText('Use at most 100 characters.')).toBeVisible();
    await expect(d.getByText('Remove the spaces or line breaks inside the value.')).toBeVisible();
  },
};

/** A save in flight: Save, Cancel and closing are disabled until the backend answers. */
export const Saving: Story = {
  parameters: {
    backend: {
      handlers: [
        mockHttp.post(CREATE, async () => {
          await delay('infinite');
        }),
      ],
    },
  },
  play: async ({ args }) => {
    const d = await fill('Production', LIVE_KEY);
    await userEvent.click(d.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(d.getByRole('button', { name: 'Save' })).toBeDisabled());
    await expect(d.getByRole('button', { name: 'Cancel' })).toBeDisabled();
    await expect(args.onCreated).not.toHaveBeenCalled();
  },
};

/** Saved: the host is handed the new credential (and a toast names it). */
export const Saved: Story = {
  play: async ({ args }) => {
    const d = await fill('Production', LIVE_KEY);
    await userEvent.click(d.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(args.onCreated).toHaveBeenCalledWith(expect.objectContaining({ name: 'Production' })),
    );
    await expect(args.onOpenChange).toHaveBeenCalledWith(false);
    await expect(await screen.findByText('“Production” was added.')).toBeInTheDocument();
  },
};

/**
 * The provider refused the key (422 `credential_rejected`): the message lands on the key's field.
 * The mock refuses, as the provider would, a key not in the provider's format.
 */
export const FieldErrors: Story = {
  play: async () => {
    const d = await fill('Production', 'fc-wrong');
    await userEvent.click(d.getByRole('button', { name: 'Save' }));
    await expect(await d.findByText('The provider refused this key.')).toBeVisible();
    await expect(d.getByLabelText('API Key')).toHaveAttribute('aria-invalid', 'true');
    await expect(d.getByLabelText('API Key')).toHaveValue('fc-wrong');
    await expect(d.getByLabelText(/Authorization Name/)).toHaveValue('Production');
  },
};

/**
 * The provider could not check the key (502 `provider_unavailable`): retrying may help, and every
 * value is kept. A well-formed key whose tail starts with `dead0500` makes the mock's (and the
 * stand-in) provider fail.
 */
export const ProviderUnavailable: Story = {
  play: async () => {
    const d = await fill('Production', 'fc-dead05000123456789abcdef01234567');
    await userEvent.click(d.getByRole('button', { name: 'Save' }));
    await expect(await d.findByRole('alert')).toHaveTextContent(
      'The server had a problem. Trying again may help.',
    );
    await expect(d.getByLabelText('API Key')).toHaveValue('fc-dead05000123456789abcdef01234567');
    await expect(d.getByLabelText(/Authorization Name/)).toHaveValue('Production');
    await expect(d.getByRole('button', { name: 'Save' })).toBeEnabled();
  },
};

/** The name is taken (409, names compare ignoring case): said on Authorization Name. */
export const DuplicateName: Story = {
  parameters: {
    backend: {
      prepare: (store: MockStore) => {
        store.createApiKeyCredential('firecrawl', {
          name: 'Production',
          values: { firecrawl_api_key: 'fc-1c442870854b914bc0ee02561639322e' },
        });
      },
    },
  },
  play: async () => {
    const d = await fill('production', LIVE_KEY);
    await userEvent.click(d.getByRole('button', { name: 'Save' }));
    await expect(
      await d.findByText('This name is already used by another credential.'),
    ).toBeVisible();
  },
};

/**
 * Saving fails (503) in the demo's `server-errors` scenario, where reads still work: the dialog
 * says retrying may help and keeps every value.
 */
export const ServerError: Story = {
  parameters: { backend: { scenario: 'server-errors' } },
  play: async () => {
    const d = await fill('Production', LIVE_KEY);
    await userEvent.click(d.getByRole('button', { name: 'Save' }));
    await expect(await d.findByRole('alert')).toHaveTextContent(
      'The server had a problem. Trying again may help.',
    );
    await expect(d.getByLabelText(/Authorization Name/)).toHaveValue('Production');
  },
};

/** Too many requests (429, Retry-After: 30): Save waits out the countdown. */
export const RateLimited: Story = {
  parameters: { backend: { scenario: 'rate-limited' } },
  play: async () => {
    const d = await fill('Production', LIVE_KEY);
    await userEvent.click(d.getByRole('button', { name: 'Save' }));
    await expect(await d.findByRole('alert')).toHaveTextContent(
      'Too many requests. Wait a moment and try again.',
    );
    await expect(d.getByText(/You can try again in \d+ s\./)).toBeVisible();
    await expect(d.getByRole('button', { name: 'Save' })).toBeDisabled();
  },
};

/** No response at all: the dialog says to check the connection. */
export const NetworkError: Story = {
  parameters: { backend: { handlers: [mockHttp.post(CREATE, () => HttpResponse.error())] } },
  play: async () => {
    const d = await fill('Production', LIVE_KEY);
    await userEvent.click(d.getByRole('button', { name: 'Save' }));
    await expect(await d.findByRole('alert')).toHaveTextContent(
      'Could not reach the server. Check your connection and try again.',
    );
  },
};

/** The provider catalog is still loading. */
export const LoadingProvider: Story = {
  parameters: {
    backend: {
      handlers: [
        mockHttp.get('/providers', async () => {
          await delay('infinite');
        }),
      ],
    },
  },
  play: async () => {
    const d = await dialog();
    await expect(await d.findByText('Loading the provider’s fields…')).toBeVisible();
  },
};

/*
 * **Test**: the provider's verdict on the key before it is saved (nothing is stored). The mock
 * judges keys as the reference server's stand-in providers do: a key in Firecrawl's real format
 * is accepted, another refused, and a marker in the key simulates a failure of the provider.
 */

/** The provider accepted the key: Save is one Tab away. */
export const TestAccepted: Story = {
  play: async () => {
    const d = await fill('Production', LIVE_KEY);
    await userEvent.click(d.getByRole('button', { name: 'Test' }));
    await expect(await d.findByText('Firecrawl accepted this key.')).toBeVisible();
  },
};

/** The provider refused the key: the field says so, the verdict says what to do. */
export const TestRefused: Story = {
  play: async () => {
    const d = await fill('Production', 'fc-not-a-real-key');
    await userEvent.click(d.getByRole('button', { name: 'Test' }));
    await expect(await d.findByText(/Firecrawl refused this key\./)).toBeVisible();
    await expect(d.getByLabelText('API Key')).toHaveAttribute('aria-invalid', 'true');
  },
};

/** The provider is limiting requests (its 429): the key is not blamed. */
export const TestRateLimited: Story = {
  play: async () => {
    const d = await fill('', 'fc-dead0429000000000000000000000001');
    await userEvent.click(d.getByRole('button', { name: 'Test' }));
    await expect(
      await d.findByText('Firecrawl is limiting requests right now. Try again in 30 seconds.'),
    ).toBeVisible();
  },
};

/** The same verdict in Simplified Chinese. */
export const TestRefusedInChinese: Story = {
  globals: { locale: 'zh-Hans' },
  play: async () => {
    const d = within(await screen.findByRole('dialog', { name: '添加 API 密钥' }));
    await userEvent.type(await d.findByLabelText('API 密钥'), 'fc-not-a-real-key');
    await userEvent.click(d.getByRole('button', { name: '测试' }));
    await expect(await d.findByText(/Firecrawl 拒绝了此密钥。/)).toBeVisible();
  },
};
