import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { DataSourceSettings, I18nProvider } from 'pipeline-connect';

/**
 * Words: every string comes from a message catalog. `PipelineConnectProvider` takes
 * `locale="en" | "zh-Hans"` and `messages` to override any message (or supply a whole locale);
 * `I18nProvider` does the same for a subtree. Provider names, descriptions and field labels come
 * from the backend's catalog, which may carry translations (`localized`, by locale).
 */
const meta = {
  title: 'Theming/Languages',
  component: I18nProvider,
} satisfies Meta<typeof I18nProvider>;

export default meta;
type Story = StoryObj<typeof meta>;

export const SimplifiedChinese: Story = {
  args: { locale: 'zh-Hans', children: <DataSourceSettings /> },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('searchbox', { name: '搜索数据源' })).toBeVisible();
    await expect((await canvas.findAllByText('尚未配置')).length).toBeGreaterThan(0);
    // The provider's own words come translated from the catalog (`localized`).
    await expect(await canvas.findByText('抓取网站并转换为 Markdown。')).toBeVisible();
    await expect(await canvas.findByRole('region', { name: 'Google 云端硬盘' })).toBeVisible();
  },
};

export const HostOverrides: Story = {
  args: {
    locale: 'en',
    messages: { settings: { configure: 'Set up', notConfigured: 'Nothing here yet' } },
    children: <DataSourceSettings />,
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect((await canvas.findAllByRole('button', { name: /^Set up/ })).length).toBe(6);
    await expect((await canvas.findAllByText('Nothing here yet')).length).toBe(6);
  },
};
