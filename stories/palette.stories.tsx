import type { Meta, StoryObj } from '@storybook/react-vite';
import { ReactFlowProvider } from '@xyflow/react';
import { Palette } from 'pipeline-connect';
import { errorResponse } from 'pipeline-connect/mocks';
import { expect, within } from 'storybook/test';
// Test infrastructure: the typed MSW overrides (mocks/mock-http.ts), not a package export.
import { mockHttp } from '../mocks/mock-http';

/**
 * The palette adds a data-source node for any provider of the catalog — click to place it at the
 * centre of the view, or drag it onto the canvas. It must be inside React Flow's provider
 * (`PipelineCanvas` renders it for you).
 */
const meta = {
  title: 'Canvas/Palette',
  component: Palette,
  decorators: [
    (Story) => (
      <ReactFlowProvider>
        <Story />
      </ReactFlowProvider>
    ),
  ],
} satisfies Meta<typeof Palette>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Providers: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    for (const name of [
      'Notion',
      'Jina Reader',
      'Firecrawl',
      'Google Drive',
      'Dropbox',
      'OneDrive',
    ]) {
      await expect(await canvas.findByRole('button', { name: `Add ${name} node` })).toBeVisible();
    }
  },
};

export const LoadError: Story = {
  parameters: {
    backend: {
      handlers: [
        mockHttp.get('/providers', () =>
          errorResponse(403, { code: 'forbidden', message: 'No', retryable: false }),
        ),
      ],
    },
  },
  play: async ({ canvasElement }) => {
    await expect(
      await within(canvasElement).findByText('Could not load the providers.'),
    ).toBeVisible();
  },
};
