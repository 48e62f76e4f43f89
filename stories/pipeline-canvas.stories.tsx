import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { PipelineCanvas, type Pipeline } from 'pipeline-connect';

const providers = ['notion', 'jina-reader', 'firecrawl', 'google-drive', 'dropbox', 'onedrive'];

const sample: Pipeline = {
  nodes: [
    ...providers.map((providerId, index) => ({
      id: `source-${providerId}`,
      type: 'dataSource' as const,
      position: { x: 0, y: index * 90 },
      data: { providerId, credentialId: null },
    })),
    { id: 'chunk', type: 'processing', position: { x: 340, y: 220 }, data: { label: 'Chunk' } },
    {
      id: 'kb',
      type: 'knowledgeBase',
      position: { x: 600, y: 220 },
      data: { label: 'Knowledge Base' },
    },
  ],
  edges: [
    ...providers.map((providerId) => ({
      id: `e-${providerId}`,
      source: `source-${providerId}`,
      target: 'chunk',
    })),
    { id: 'e-kb', source: 'chunk', target: 'kb' },
  ],
};

/**
 * `PipelineCanvas`: React Flow with Pipeline Connect's node types, the palette, the side panel,
 * background, controls and minimap. Import React Flow's stylesheet, then
 * `pipeline-connect/styles.css`. Pass `nodes`/`edges`/`onNodesChange`/`onEdgesChange` to control
 * it, or `defaultPipeline` (+ `onPipelineChange` to persist it).
 */
const meta = {
  title: 'Canvas/Pipeline canvas',
  component: PipelineCanvas,
  parameters: { layout: 'fullscreen' },
  decorators: [
    (Story) => (
      <div style={{ height: 620 }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof PipelineCanvas>;

export default meta;
type Story = StoryObj<typeof meta>;

export const NewUser: Story = {
  args: { defaultPipeline: sample },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findAllByText('Not connected')).toHaveLength(6);
  },
};

export const MixedStates: Story = {
  args: { defaultPipeline: sample },
  parameters: { backend: { seed: 'mixed' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('Expired')).toBeInTheDocument();
    await expect(await canvas.findByText('Not connected')).toBeInTheDocument();
  },
};

export const Empty: Story = {
  args: { defaultPipeline: { nodes: [], edges: [] } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('This pipeline is empty')).toBeInTheDocument();
    await userEvent.click(await canvas.findByRole('button', { name: 'Add Notion node' }));
    await expect(
      await canvas.findByText('Notion', { selector: '.pc-node-title' }),
    ).toBeInTheDocument();
  },
};

/**
 * Keyboard: the palette is one Tab stop (arrow keys move along it) and edges take none, so the
 * second Tab reaches the first data-source node, named by its provider and state.
 */
export const KeyboardPath: Story = {
  args: { defaultPipeline: sample, panel: false },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findAllByText('Not connected');
    await userEvent.tab();
    await expect(canvas.getByRole('button', { name: 'Add Notion node' })).toHaveFocus();
    await userEvent.tab();
    await expect(canvasElement.querySelector('[data-id="source-notion"]')).toHaveFocus();
    await expect(canvas.getByRole('group', { name: 'Notion Not connected' })).toHaveFocus();
  },
};
