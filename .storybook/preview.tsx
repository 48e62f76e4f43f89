import '@xyflow/react/dist/style.css';
import 'pipeline-connect/styles.css';
import './preview.css';
import type { Preview } from '@storybook/react-vite';
import { loadDialogs } from '../src/dialogs/lazy-dialogs';
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
  // The dialogs' code loads on demand in the library; a story renders with it already here, so
  // a dialog story's accessibility check sees the dialog, not the moment before it arrived.
  loaders: [mockBackendLoader, loadDialogs],
  afterEach: failOnUnhandledRequests,
  decorators: [withPipelineConnect],
  tags: ['autodocs'],
};

export default preview;
