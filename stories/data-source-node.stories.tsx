import type { Meta, StoryObj } from '@storybook/react-vite';
import { DataSourceNodeView } from 'pipeline-connect';
import { errorResponse } from 'pipeline-connect/mocks';
import { expect, within } from 'storybook/test';
// Test infrastructure: the typed MSW overrides (mocks/mock-http.ts), not a package export.
import { mockHttp } from '../mocks/mock-http';
import { CanvasFrame, sourceNode } from './support/canvas-frame';

/**
 * The data-source node shows its provider and connection state as text and colour
 * (`data-status`). Nodes live in React Flow, so each story renders a small canvas.
 *
 * Hosts with their own `<ReactFlow>` register it with `nodeTypes={{ ...dataSourceNodeTypes }}`
 * (at module scope). Node data is `{ providerId, credentialId }` — never a secret.
 */
const meta = {
  title: 'Canvas/Data source node',
  component: DataSourceNodeView,
  parameters: { layout: 'fullscreen' },
} satisfies Meta<typeof DataSourceNodeView>;

export default meta;
type Story = StoryObj<typeof meta>;

// The node's props come from React Flow; stories render it through a canvas instead.
const node = (id: string, providerId: string, credentialId: string | null = null) =>
  ({
    render: () => (
      <CanvasFrame nodes={[sourceNode(id, providerId, credentialId)]} panel={false} height={200} />
    ),
  }) as unknown as Story;

export const NotConnected: Story = {
  ...node('n', 'notion'),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('Not connected')).toBeInTheDocument();
  },
};

export const Connected: Story = {
  ...node('n', 'firecrawl', 'cred-firecrawl-production'),
  parameters: { backend: { seed: 'mixed' } },
  play: async ({ canvasElement }) => {
    await expect(
      await within(canvasElement).findByText('Connected · Firecrawl production'),
    ).toBeInTheDocument();
  },
};

export const FollowingTheDefault: Story = {
  ...node('n', 'notion'),
  parameters: { backend: { seed: 'mixed' } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText(/^Connected · /)).toBeInTheDocument();
  },
};

export const Expired: Story = {
  ...node('n', 'google-drive', 'cred-google-drive-expired'),
  parameters: { backend: { seed: 'mixed' } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('Expired')).toBeInTheDocument();
  },
};

export const CredentialMissing: Story = {
  ...node('n', 'firecrawl', 'cred-deleted'),
  parameters: { backend: { seed: 'mixed' } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('Credential missing')).toBeInTheDocument();
  },
};

export const ProviderUnavailable: Story = {
  ...node('n', 'retired-provider'),
  play: async ({ canvasElement }) => {
    await expect(
      await within(canvasElement).findByText('Provider unavailable'),
    ).toBeInTheDocument();
  },
};

export const StateUnavailable: Story = {
  ...node('n', 'notion'),
  parameters: {
    backend: {
      handlers: [
        mockHttp.get('/credentials', () =>
          errorResponse(403, { code: 'forbidden', message: 'No', retryable: false }),
        ),
      ],
    },
  },
  play: async ({ canvasElement }) => {
    await expect(
      await within(canvasElement).findByText('Connection state unavailable'),
    ).toBeInTheDocument();
  },
};

export const Loading: Story = {
  ...node('n', 'notion'),
  parameters: { backend: { scenario: 'slow' } },
  play: async ({ canvasElement }) => {
    await expect(
      await within(canvasElement).findByText('Checking connection…'),
    ).toBeInTheDocument();
  },
};
