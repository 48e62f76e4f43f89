import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { DataSourceSettings } from 'pipeline-connect';

/**
 * Theming: every colour, radius and font is a CSS custom property on `[data-pc-root]`; a host
 * overrides them in its own CSS (or inline, as here). `colorMode` on `PipelineConnectProvider`
 * (`light` | `dark` | `system`) picks the built-in palette; the toolbar's Theme switch shows both.
 *
 * ```css
 * [data-pc-root] { --pc-accent: #0f766e; --pc-radius: 2px; --pc-font: 'Inter', sans-serif; }
 * [data-pc-root][data-color-mode='dark'] { --pc-accent: #5eead4; }
 * ```
 */
const meta = {
  title: 'Theming/Host theme',
  component: DataSourceSettings,
  parameters: { backend: { seed: 'mixed' } },
} satisfies Meta<typeof DataSourceSettings>;

export default meta;
type Story = StoryObj<typeof meta>;

// What a host puts in its own stylesheet. Every Pipeline Connect root (portals included) picks
// it up, since the library's defaults have zero specificity.
const hostCss = `
  [data-pc-root] {
    --pc-accent: #0f766e;
    --pc-accent-subtle: #ccfbf1;
    --pc-focus: #0f766e;
    --pc-radius: 2px;
    --pc-radius-sm: 2px;
    --pc-font: Georgia, serif;
  }
`;

export const HostTheme: Story = {
  decorators: [
    (Story) => (
      <>
        <style>{hostCss}</style>
        <Story />
      </>
    ),
  ],
  play: async ({ canvasElement }) => {
    const notion = await within(canvasElement).findByRole('region', { name: 'Notion' });
    // The host's radius reaches the library's cards through the custom property.
    await expect(getComputedStyle(notion).borderTopLeftRadius).toBe('2px');
  },
};
