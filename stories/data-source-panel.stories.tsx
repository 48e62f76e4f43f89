import type { Meta, StoryObj } from '@storybook/react-vite';
import { DataSourcePanel } from 'pipeline-connect';
import { connectByConsent, errorResponse, type MockStore } from 'pipeline-connect/mocks';
import { expect, within } from 'storybook/test';
// Test infrastructure: the typed MSW overrides (mocks/mock-http.ts), not a package export.
import { mockHttp } from '../mocks/mock-http';
import { CanvasFrame, sourceNode } from './support/canvas-frame';

/**
 * The side panel of the selected data-source node. It shows **Connect** for a node that is not
 * authorized, and the credential it uses plus the provider's credentials once it is. Place
 * `<DataSourcePanel />` anywhere inside React Flow's provider (`PipelineCanvas` renders it for
 * you). Escape or the close button deselects the node, which closes the panel.
 */
const meta = {
  title: 'Canvas/Side panel',
  component: DataSourcePanel,
  parameters: { layout: 'fullscreen' },
} satisfies Meta<typeof DataSourcePanel>;

export default meta;
type Story = StoryObj<typeof meta>;

const selected = (providerId: string, credentialId: string | null = null) =>
  ({
    render: () => (
      <CanvasFrame nodes={[sourceNode('n', providerId, credentialId, true)]} height={560} />
    ),
  }) as unknown as Story;

/** 100 characters, CJK and emoji, with no space to break at. */
const longName = '知识库📚'.repeat(25);

const panel = (canvasElement: HTMLElement, name: string) =>
  within(canvasElement).findByRole('complementary', { name: `${name} connection` });

export const NotConnected: Story = {
  ...selected('notion'),
  play: async ({ canvasElement }) => {
    const p = within(await panel(canvasElement, 'Notion'));
    await expect(await p.findByRole('button', { name: 'Connect' })).toBeVisible();
    await expect(p.getByRole('button', { name: 'OAuth Client Settings' })).toBeVisible();
  },
};

export const SingleMethod: Story = {
  ...selected('jina-reader'),
  play: async ({ canvasElement }) => {
    const p = within(await panel(canvasElement, 'Jina Reader'));
    await expect(await p.findByRole('button', { name: 'Connect: Add API Key' })).toBeVisible();
  },
};

export const Connected: Story = {
  ...selected('firecrawl', 'cred-firecrawl-production'),
  parameters: { backend: { seed: 'mixed' } },
  play: async ({ canvasElement }) => {
    const p = within(await panel(canvasElement, 'Firecrawl'));
    await expect(await p.findByRole('combobox', { name: 'Credential' })).toHaveTextContent(
      'Firecrawl production',
    );
  },
};

/** An expired grant: a warning, with Re-authorize on the alert and on its row. */
export const Expired: Story = {
  ...selected('google-drive', 'cred-google-drive-expired'),
  parameters: { backend: { seed: 'mixed' } },
  play: async ({ canvasElement }) => {
    const p = within(await panel(canvasElement, 'Google Drive'));
    const alert = (await p.findByText(/has expired/)).closest('[data-slot="alert"]');
    await expect(alert).toHaveAttribute('data-tone', 'warning');
    await expect(within(alert as HTMLElement).getByRole('button')).toHaveTextContent(
      'Re-authorize',
    );
  },
};

/**
 * A grant made with a scope unticked on Google's consent page: it connects, but cannot read the
 * files. The node says **Missing permission**; the panel lists what the node needs with a tick
 * or a cross, and **Re-authorize to add …** asks for it again.
 */
export const MissingPermission: Story = {
  ...selected('google-drive'),
  parameters: {
    backend: {
      prepare: (store: MockStore) =>
        connectByConsent(store, 'google-drive', { grant: ['profile', 'email'] }),
    },
  },
  play: async ({ canvasElement }) => {
    const p = within(await panel(canvasElement, 'Google Drive'));
    await expect(await p.findByRole('status')).toHaveTextContent('Missing permission');
    await expect(
      await p.findByRole('button', {
        name: 'Re-authorize to add “See and download your Google Drive files”',
      }),
    ).toBeVisible();
    const needs = within(p.getByRole('region', { name: 'Permissions' }));
    await expect(needs.getByRole('listitem')).toHaveTextContent(/, not granted$/);
  },
};

/** The same, in Chinese: the catalog's own words for what the node needs. */
export const MissingPermissionInChinese: Story = {
  ...MissingPermission,
  globals: { locale: 'zh-Hans' },
  play: async ({ canvasElement }) => {
    const p = within(
      await within(canvasElement).findByRole('complementary', { name: 'Google 云端硬盘连接' }),
    );
    await expect(await p.findByRole('status')).toHaveTextContent('缺少权限');
    const needs = within(p.getByRole('region', { name: '权限' }));
    await expect(needs.getByRole('listitem')).toHaveTextContent(
      '查看和下载你的 Google 云端硬盘文件',
    );
  },
};

/**
 * A OneDrive grant without `offline_access` (unticked at Microsoft): no refresh token, so it
 * stops when its token expires. The node turns amber before that happens; the panel says why,
 * and the row says when.
 */
export const CannotRenew: Story = {
  ...selected('onedrive'),
  parameters: {
    backend: {
      prepare: async (store: MockStore) => {
        store.saveOAuthClient(
          'onedrive',
          { mode: 'custom', clientId: 'contoso-pipeline', clientSecret: 'contoso-secret' },
          window.location.origin,
        );
        await connectByConsent(store, 'onedrive', { grant: ['Files.Read.All', 'User.Read'] });
      },
    },
  },
  play: async ({ canvasElement }) => {
    const p = within(await panel(canvasElement, 'OneDrive'));
    const [status] = await p.findAllByRole('status');
    await expect(status).toHaveTextContent('Expires, won’t renew');
    await expect(await p.findByText(/cannot renew itself/)).toBeVisible();
    await expect(await p.findByText(/^Expires in .* — re-authorize to renew/)).toBeVisible();
  },
};

/** A grant the provider rejected: an error, and Re-authorize (an OAuth grant has nothing to edit). */
export const InvalidOAuth: Story = {
  ...selected('dropbox'),
  parameters: { backend: { seed: 'mixed' } },
  play: async ({ canvasElement }) => {
    const p = within(await panel(canvasElement, 'Dropbox'));
    const alert = await p.findByRole('alert');
    await expect(alert).toHaveAttribute('data-tone', 'error');
    await expect(within(alert).getByRole('button', { name: 'Re-authorize' })).toBeVisible();
    await expect(within(alert).queryByRole('button', { name: 'Edit' })).toBeNull();
  },
};

/** 100 characters of CJK and emoji: cut with an ellipsis in the list, whole on hover. */
export const LongName: Story = {
  ...selected('google-drive'),
  parameters: {
    backend: {
      seed: 'mixed',
      prepare: (store: MockStore) => {
        store.updateCredential('cred-google-drive-expired', '1', { name: longName });
      },
    },
  },
  play: async ({ canvasElement }) => {
    const p = within(await panel(canvasElement, 'Google Drive'));
    const row = await p.findByRole('listitem', { name: longName });
    const name = within(row).getByTitle(longName);
    await expect(name.getBoundingClientRect().width).toBeGreaterThan(100);
    await expect(getComputedStyle(name).textOverflow).toBe('ellipsis');
    await expect(within(row).getByRole('button', { name: 'Re-authorize' })).toBeVisible();
  },
};

export const CredentialMissing: Story = {
  ...selected('firecrawl', 'cred-deleted'),
  parameters: { backend: { seed: 'mixed' } },
  play: async ({ canvasElement }) => {
    const p = within(await panel(canvasElement, 'Firecrawl'));
    await expect(await p.findByText(/was deleted/)).toBeVisible();
  },
};

export const ProviderUnavailable: Story = {
  ...selected('retired-provider'),
  play: async ({ canvasElement }) => {
    const p = within(
      await within(canvasElement).findByRole('complementary', { name: /retired-provider/ }),
    );
    await expect(await p.findByRole('button', { name: 'Delete node' })).toBeVisible();
  },
};

/**
 * The backend is down (the demo's `outage` scenario): the panel keeps the node's last known
 * provider name and says the service is unavailable, with the server's words and Try again.
 */
export const Outage: Story = {
  render: () => (
    <CanvasFrame
      nodes={[
        {
          id: 'n',
          type: 'dataSource',
          position: { x: 0, y: 0 },
          data: { providerId: 'notion', credentialId: null, providerName: 'Notion' },
          selected: true,
        },
      ]}
      height={560}
    />
  ),
  parameters: { backend: { scenario: 'outage' } },
  play: async ({ canvasElement }) => {
    const p = within(await panel(canvasElement, 'Notion'));
    // Reads are retried twice before the outage shows.
    await expect(await p.findByRole('alert', {}, { timeout: 10_000 })).toHaveTextContent(
      'The connection service is unavailable.',
    );
    await expect(p.getByRole('button', { name: 'Try again' })).toBeVisible();
    await expect(p.queryByText(/Unknown provider/)).toBeNull();
  },
};

export const LoadError: Story = {
  ...selected('notion'),
  parameters: {
    backend: {
      handlers: [
        mockHttp.get('/credentials', () =>
          errorResponse(500, { code: 'server_error', message: 'Down', retryable: false }),
        ),
      ],
    },
  },
  play: async ({ canvasElement }) => {
    const p = within(await panel(canvasElement, 'Notion'));
    await expect(await p.findByRole('button', { name: 'Try again' })).toBeVisible();
  },
};

export const Loading: Story = {
  ...selected('notion'),
  parameters: { backend: { scenario: 'slow' } },
  play: async ({ canvasElement }) => {
    const p = within(await panel(canvasElement, 'Data source'));
    await expect(await p.findByText('Checking connection…')).toBeVisible();
  },
};
