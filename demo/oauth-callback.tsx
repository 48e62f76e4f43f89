import 'pipeline-connect/styles.css';
import { StrictMode, Suspense, use, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { createHttpCredentialsBackend, I18nProvider, useMessages } from 'pipeline-connect';
import { completeOAuthPopup, type OAuthCompletionResult } from 'pipeline-connect/oauth';

/*
 * The demo's OAuth completion page (the redirect URI): the provider sends the popup here with
 * `code` and `state`; the library's helper hands them to the backend, tells the opener and
 * closes the window. This page only says what happened.
 */

async function complete(): Promise<OAuthCompletionResult> {
  try {
    // On the mock, the backend is the same mock every window of the origin shares
    // (localStorage); on the full stack (`npm start`) the server answers at the same origin.
    if (import.meta.env.MODE !== 'stack') {
      const { startMockBackend } = await import('pipeline-connect/mocks/browser');
      await startMockBackend({ quiet: true });
    }
    const backend = createHttpCredentialsBackend({ baseUrl: `${window.location.origin}/api` });
    return await completeOAuthPopup({ backend });
  } catch (error) {
    return {
      status: 'failed',
      flowId: null,
      error: {
        code: 'page_error',
        message: error instanceof Error ? error.message : String(error),
      },
      closing: false,
    };
  }
}

// Started once, outside React: the `state` works once, so a repeated effect would spend it twice.
const completion = complete();

type CompletionMessages = ReturnType<typeof useMessages>['oauth']['completion'];

function describe(result: OAuthCompletionResult, m: CompletionMessages): string {
  switch (result.status) {
    case 'succeeded':
      return result.closing ? m.succeededClosing : m.succeeded;
    case 'denied':
      return m.denied;
    case 'expired':
      return m.expired;
    case 'failed':
      return m.failed({ message: result.error?.message || result.error?.code || '' });
    case 'invalid':
      return m.invalid;
    case 'pending':
      return m.working;
  }
}

function CompletionStatus() {
  const result = use(completion);
  const text = describe(result, useMessages().oauth.completion);
  // The window's title says the outcome too (it is what shows in the taskbar and tab).
  useEffect(() => {
    document.title = text;
  }, [text]);
  return (
    <p
      className="completion-text"
      data-status={result.status}
      role={result.status === 'failed' ? 'alert' : 'status'}
    >
      {text}
    </p>
  );
}

function Working() {
  const m = useMessages().oauth.completion;
  useEffect(() => {
    document.title = m.title;
  }, [m.title]);
  return (
    <p className="completion-text" data-status="working" role="status">
      {m.working}
    </p>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <main className="completion" data-pc-root="" data-color-mode="light">
        <Suspense fallback={<Working />}>
          <CompletionStatus />
        </Suspense>
      </main>
    </I18nProvider>
  </StrictMode>,
);
