import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { ConnectMenu, type Provider } from 'pipeline-connect';

const base: Provider = {
  id: 'notion',
  name: 'Notion',
  description: '',
  icon: '',
  methods: ['oauth2', 'api_key'],
  apiKeyFields: [],
  oauth: null,
};

/**
 * **Connect** offers the provider's methods. `onAddOAuth` must stay synchronous: Add OAuth opens
 * its popup inside the click, before anything is awaited. A provider with a single method gets a
 * plain button that goes straight to it.
 */
const meta = {
  title: 'Dialogs/Connect menu',
  component: ConnectMenu,
  args: { provider: base, onAddOAuth: fn(), onAddApiKey: fn() },
} satisfies Meta<typeof ConnectMenu>;

export default meta;
type Story = StoryObj<typeof meta>;

export const BothMethods: Story = {
  play: async ({ args, canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Connect' }));
    const body = within(canvasElement.ownerDocument.body);
    await userEvent.click(await body.findByRole('menuitem', { name: 'Add API Key' }));
    await expect(args.onAddApiKey).toHaveBeenCalledOnce();
    await expect(args.onAddOAuth).not.toHaveBeenCalled();
  },
};

export const ApiKeyOnly: Story = {
  args: { provider: { ...base, id: 'firecrawl', name: 'Firecrawl', methods: ['api_key'] } },
  play: async ({ args, canvasElement }) => {
    await userEvent.click(
      within(canvasElement).getByRole('button', { name: 'Connect: Add API Key' }),
    );
    await expect(args.onAddApiKey).toHaveBeenCalledOnce();
  },
};

export const OAuthOnly: Story = {
  args: { provider: { ...base, id: 'google-drive', name: 'Google Drive', methods: ['oauth2'] } },
  play: async ({ args, canvasElement }) => {
    await userEvent.click(
      within(canvasElement).getByRole('button', { name: 'Connect: Add OAuth' }),
    );
    await expect(args.onAddOAuth).toHaveBeenCalledOnce();
  },
};
