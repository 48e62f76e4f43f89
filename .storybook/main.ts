import type { StorybookConfig } from '@storybook/react-vite';
import { packageAliases } from '../aliases.ts';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.@(ts|tsx)', '../stories/**/*.mdx'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  framework: { name: '@storybook/react-vite', options: {} },
  // The mock service worker is served from the demo's public folder.
  staticDirs: ['../demo/public'],
  // There is no network to send telemetry to (and we would not anyway).
  core: { disableTelemetry: true },
  viteFinal: (viteConfig) => {
    const existing = viteConfig.resolve?.alias ?? [];
    const alias = Array.isArray(existing)
      ? existing
      : Object.entries(existing).map(([find, replacement]) => ({ find, replacement }));
    return {
      ...viteConfig,
      resolve: { ...viteConfig.resolve, alias: [...packageAliases, ...alias] },
    };
  },
};

export default config;
