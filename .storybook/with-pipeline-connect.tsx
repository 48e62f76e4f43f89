import type { Decorator } from '@storybook/react-vite';
import { useState } from 'react';
import {
  PipelineConnectProvider,
  createHttpCredentialsBackend,
  createPipelineConnectQueryClient,
  type ColorMode,
} from 'pipeline-connect';

/** Wraps every story in the provider, with a fresh QueryClient per story and the chosen theme. */
export const withPipelineConnect: Decorator = (Story, context) => {
  const colorMode = (context.globals.theme ?? 'light') as ColorMode;
  return (
    <StoryProviders
      colorMode={colorMode}
      locale={context.globals.locale === 'zh-Hans' ? 'zh-Hans' : 'en'}
    >
      <Story />
    </StoryProviders>
  );
};

function StoryProviders({
  colorMode,
  locale,
  children,
}: {
  colorMode: ColorMode;
  locale: 'en' | 'zh-Hans';
  children: React.ReactNode;
}) {
  const [queryClient] = useState(createPipelineConnectQueryClient);
  const [backend] = useState(() =>
    createHttpCredentialsBackend({ baseUrl: `${window.location.origin}/api` }),
  );
  return (
    <PipelineConnectProvider
      backend={backend}
      queryClient={queryClient}
      colorMode={colorMode}
      locale={locale}
    >
      <div
        data-pc-root=""
        data-color-mode={colorMode === 'dark' ? 'dark' : 'light'}
        className="story-root"
      >
        {children}
      </div>
    </PipelineConnectProvider>
  );
}
