import '@xyflow/react/dist/style.css';
import 'pipeline-connect/styles.css';
import './preview.css';
import type { Preview } from '@storybook/react-vite';
import { loadDialogs } from '../src/dialogs/lazy-dialogs';
import { loadBuiltInCatalog } from '../src/i18n/built-in-catalogs';
import { bridgeDocsPageToFrame } from './docs-frame-bridge';
import { failOnUnhandledRequests, mockBackendLoader } from './msw';
import { withPipelineConnect } from './with-pipeline-connect';

const preview: Preview = {
  parameters: {
    controls: { matchers: { color: /(background|color)$/i, date: /Date$/i } },
    // Accessibility violations fail the storybook test project.
    a11y: { test: 'error' },
    layout: 'padded',
  },
  globalTypes: {
    theme: {
      description: 'Colour mode',
      toolbar: { title: 'Theme', icon: 'mirror', items: ['light', 'dark'], dynamicTitle: true },
    },
    locale: {
      description: 'Locale',
      toolbar: { title: 'Locale', icon: 'globe', items: ['en', 'zh-Hans'], dynamicTitle: true },
    },
  },
  initialGlobals: { theme: 'light', locale: 'en' },
  // Docs Controls and the toolbar reach a story framed on its Docs page (the dialogs' pages).
  beforeAll: bridgeDocsPageToFrame,
  // The dialogs' code and the Chinese catalog load on demand in the library; a story renders
  // with both already here, so its accessibility check sees the dialog and the words, not the
  // moment before they arrived (the catalog is loaded whatever the locale: it is small, and the
  // toolbar can switch to it at any time).
  loaders: [mockBackendLoader, loadDialogs, () => loadBuiltInCatalog('zh-Hans')],
  afterEach: failOnUnhandledRequests,
  decorators: [withPipelineConnect],
  tags: ['autodocs'],
};

export default preview;
