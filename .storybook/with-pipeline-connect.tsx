import type { Decorator } from '@storybook/react-vite';
import { useState } from 'react';
import { createHttpCredentialsBackend } from '../src/credentials/http-backend';
import {
  PipelineConnectProvider,
  createPipelineConnectQueryClient,
} from '../src/pipeline-connect-provider';
import type { ColorMode } from '../src/theme/color-mode';

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
