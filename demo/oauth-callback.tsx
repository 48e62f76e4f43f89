import 'pipeline-connect/styles.css';
import { StrictMode, Suspense, use } from 'react';
import { createRoot } from 'react-dom/client';
import {
  completeOAuthPopup,
  createHttpCredentialsBackend,
  I18nProvider,
  useMessages,
  type OAuthCompletionResult,
} from 'pipeline-connect';
import { startMockBackend } from 'pipeline-connect/mocks/browser';

/*
 * The demo's OAuth completion page (the redirect URI): the provider sends the popup here with
 * `code` and `state`; the library's helper hands them to the backend, tells the opener and
 * closes the window. This page only says what happened.
 */

async function complete(): Promise<OAuthCompletionResult> {
  try {
    // The backend is the same mock every window of the origin shares (localStorage).
    await startMockBackend({ quiet: true });
    const backend = createHttpCredentialsBackend({ baseUrl: `${window.location.origin}/api` });
    return await completeOAuthPopup({ backend });
  } catch (error) {
    return {
      status: 'failed',
      flowId: null,
      error: { code: 'page_error', message: error instanceof Error ? error.message : String(error) },
      closing: false,
    };
  }
}

// Started once, outside React: the `state` works once, so a repeated effect would spend it twice.
const completion = complete();

function CompletionStatus() {
  const result = use(completion);
  const m = useMessages().oauth.completion;
  let text: string;
  switch (result.status) {
    case 'succeeded':
      text = result.closing ? m.succeededClosing : m.succeeded;
      break;
    case 'denied':
      text = m.denied;
      break;
    case 'expired':
      text = m.expired;
      break;
    case 'failed':
      text = m.failed({ message: result.error?.message || result.error?.code || '' });
      break;
    case 'invalid':
      text = m.invalid;
      break;
    case 'pending':
      text = m.working;
      break;
  }
  document.title = text;
  return (
    <p className="completion-text" data-status={result.status} role={result.status === 'failed' ? 'alert' : 'status'}>
      {text}
    </p>
  );
}

function Working() {
  const m = useMessages().oauth.completion;
  document.title = m.title;
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
