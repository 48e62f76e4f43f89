import { CredentialsError, type CredentialsBackend, type OAuthFlowStatus } from 'pipeline-connect';
import {
  completeOAuthPopup,
  OAUTH_MESSAGE_TYPE,
  oauthChannelName,
  type OAuthCompletionWindow,
} from 'pipeline-connect/oauth';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const origin = 'https://app.example';

function location(search: string) {
  return { search, origin, pathname: '/oauth-callback.html' };
}

function backendAnswering(answer: () => Promise<OAuthFlowStatus>) {
  return { completeOAuthCallback: vi.fn(answer) } as unknown as CredentialsBackend & {
    completeOAuthCallback: ReturnType<typeof vi.fn>;
  };
}

const succeeded: OAuthFlowStatus = {
  flowId: 'flow-9',
  providerId: 'google-drive',
  status: 'succeeded',
  credentialId: 'cred-1',
  outcome: 'created',
  error: null,
};

let posted: { name: string; message: unknown }[];
let closedChannels: string[];
type Mocked<F extends (...args: never[]) => unknown> = ReturnType<typeof vi.fn<F>>;

let opener: { postMessage: Mocked<(message: unknown, targetOrigin: string) => void> };
let win: OAuthCompletionWindow & {
  close: Mocked<() => void>;
  history: { replaceState: Mocked<(data: unknown, unused: string, url?: string | null) => void> };
};

const createChannel = (name: string) => ({
  postMessage: (message: unknown) => posted.push({ name, message }),
  close: () => closedChannels.push(name),
});

beforeEach(() => {
  posted = [];
  closedChannels = [];
  opener = { postMessage: vi.fn<(message: unknown, targetOrigin: string) => void>() };
  win = {
    opener,
    close: vi.fn<() => void>(),
    history: {
      replaceState: vi.fn<(data: unknown, unused: string, url?: string | null) => void>(),
    },
  };
});

describe('completeOAuthPopup', () => {
  it('hands code and state to the backend, tells the opener, and closes', async () => {
    const backend = backendAnswering(async () => succeeded);
    const result = await completeOAuthPopup({
      backend,
      location: location('?code=abc&state=st-1'),
      window: win,
      createChannel,
    });
    expect(backend.completeOAuthCallback).toHaveBeenCalledWith({ state: 'st-1', code: 'abc' });
    const message = { type: OAUTH_MESSAGE_TYPE, flowId: 'flow-9', status: 'succeeded' };
    expect(posted).toEqual([{ name: oauthChannelName('flow-9'), message }]);
    expect(closedChannels).toEqual([oauthChannelName('flow-9')]);
    // An explicit target origin, never '*'.
    expect(opener.postMessage).toHaveBeenCalledWith(message, origin);
    expect(win.close).toHaveBeenCalledTimes(1);
    expect(result).toEqual({ status: 'succeeded', flowId: 'flow-9', error: null, closing: true });
  });

  it('never puts the code or state in a message, and strips them from the address bar', async () => {
    const backend = backendAnswering(async () => succeeded);
    await completeOAuthPopup({
      backend,
      location: location('?code=abc&state=st-1'),
      window: win,
      createChannel,
    });
    const everything = JSON.stringify([posted, opener.postMessage.mock.calls]);
    expect(everything).not.toContain('abc');
    expect(everything).not.toContain('st-1');
    expect(win.history.replaceState).toHaveBeenCalledWith(null, '', '/oauth-callback.html');
  });

  it('without an opener, leaves the window open for the page to say so', async () => {
    win.opener = null;
    const backend = backendAnswering(async () => succeeded);
    const result = await completeOAuthPopup({
      backend,
      location: location('?code=abc&state=st-1'),
      window: win,
      createChannel,
    });
    expect(win.close).not.toHaveBeenCalled();
    expect(result.closing).toBe(false);
    // The opener may still be listening on the channel (a tab opened without an opener).
    expect(posted).toHaveLength(1);
  });

  it('forwards a denial and reports it as denied', async () => {
    const backend = backendAnswering(async () => ({
      ...succeeded,
      status: 'failed',
      credentialId: null,
      error: { code: 'access_denied', message: 'Access was denied.' },
    }));
    const result = await completeOAuthPopup({
      backend,
      location: location('?error=access_denied&state=st-1'),
      window: win,
      createChannel,
    });
    expect(backend.completeOAuthCallback).toHaveBeenCalledWith({
      state: 'st-1',
      error: 'access_denied',
    });
    expect(result.status).toBe('denied');
    expect(opener.postMessage).toHaveBeenCalledWith(
      { type: OAUTH_MESSAGE_TYPE, flowId: 'flow-9', status: 'failed' },
      origin,
    );
  });

  it('a page opened without a provider response does not call the backend', async () => {
    const backend = backendAnswering(async () => succeeded);
    const result = await completeOAuthPopup({
      backend,
      location: location('?code=abc'),
      window: win,
      createChannel,
    });
    expect(result.status).toBe('invalid');
    expect(backend.completeOAuthCallback).not.toHaveBeenCalled();
    expect(win.close).not.toHaveBeenCalled();
    expect(opener.postMessage).not.toHaveBeenCalled();
  });

  it('a refused callback (used or unknown state) is shown, not announced', async () => {
    const backend = backendAnswering(() =>
      Promise.reject(
        new CredentialsError(400, {
          code: 'invalid_state',
          message: 'This sign-in response is not valid any more.',
          retryable: false,
        }),
      ),
    );
    const result = await completeOAuthPopup({
      backend,
      location: location('?code=abc&state=used'),
      window: win,
      createChannel,
    });
    expect(result).toEqual({
      status: 'failed',
      flowId: null,
      error: { code: 'invalid_state', message: 'This sign-in response is not valid any more.' },
      closing: false,
    });
    expect(posted).toEqual([]);
    expect(win.close).not.toHaveBeenCalled();
  });
});
