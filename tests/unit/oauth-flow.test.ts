import {
  CredentialsError,
  type Credential,
  type CredentialsBackend,
  type OAuthFlowStart,
  type OAuthFlowStatus,
} from 'pipeline-connect';
import {
  createOAuthFlowController,
  OAUTH_MESSAGE_TYPE,
  oauthChannelName,
  type OAuthChannel,
  type OAuthFlowController,
  type OAuthFlowOutcome,
  type OAuthFlowWindow,
  type OAuthPopupWindow,
} from 'pipeline-connect/oauth';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const origin = 'https://app.example';
const flowId = 'flow-1';
const authorizationUrl = `${origin}/oauth-provider/authorize.html?state=s`;

class FakePopup implements OAuthPopupWindow {
  closed = false;
  url = 'about:blank';
  focus = vi.fn();
  close = vi.fn(() => {
    this.closed = true;
  });
  location = {
    replace: (url: string) => {
      this.url = url;
    },
  };
}

class FakeWindow implements OAuthFlowWindow {
  location = { origin };
  blockPopups = false;
  popups: FakePopup[] = [];
  listeners = new Set<(event: MessageEvent) => void>();
  open = vi.fn((_url: string, _target: string, _features: string): OAuthPopupWindow | null => {
    if (this.blockPopups) return null;
    const popup = new FakePopup();
    this.popups.push(popup);
    return popup;
  });
  addEventListener(_type: 'message', listener: (event: MessageEvent) => void) {
    this.listeners.add(listener);
  }
  removeEventListener(_type: 'message', listener: (event: MessageEvent) => void) {
    this.listeners.delete(listener);
  }
  /** Delivers a `message` event as the browser would. */
  post(data: unknown, from: { origin?: string; source?: unknown } = {}) {
    const event = {
      data,
      origin: from.origin ?? origin,
      source: from.source ?? null,
    } as MessageEvent;
    [...this.listeners].forEach((listener) => listener(event));
  }
  get popup(): FakePopup {
    const popup = this.popups.at(-1);
    if (!popup) throw new Error('no popup was opened');
    return popup;
  }
}

class FakeChannel implements OAuthChannel {
  closed = false;
  listeners = new Set<(event: MessageEvent) => void>();
  constructor(readonly name: string) {}
  addEventListener(_type: 'message', listener: (event: MessageEvent) => void) {
    this.listeners.add(listener);
  }
  removeEventListener(_type: 'message', listener: (event: MessageEvent) => void) {
    this.listeners.delete(listener);
  }
  close() {
    this.closed = true;
  }
}

function credential(id: string, account: string): Credential {
  return {
    id,
    providerId: 'google-drive',
    name: account,
    method: 'oauth2',
    status: 'active',
    account,
    values: {},
    isDefault: true,
    version: 1,
    createdAt: '2025-01-01T00:00:00Z',
    updatedAt: '2025-01-01T00:00:00Z',
    expiresAt: null,
    lastVerifiedAt: null,
    lastRefreshAt: null,
    lastError: null,
    grantedScopes: null,
    refreshable: null,
  };
}

/** A backend whose flow the test moves along by hand. */
function fakeBackend() {
  let status: OAuthFlowStatus = {
    flowId,
    providerId: 'google-drive',
    status: 'pending',
    credentialId: null,
    outcome: null,
    error: null,
  };
  let start: () => Promise<OAuthFlowStart> = async () => ({
    flowId,
    authorizationUrl,
    expiresAt: new Date(Date.now() + 10 * 60_000).toISOString(),
  });
  const credentials: Credential[] = [];
  const notUsed = () => Promise.reject(new Error('not used by the flow'));
  const backend = {
    listProviders: vi.fn(notUsed),
    listCredentials: vi.fn(async () => credentials),
    createApiKeyCredential: vi.fn(notUsed),
    updateCredential: vi.fn(notUsed),
    deleteCredential: vi.fn(notUsed),
    verifyApiKeyDraft: vi.fn(notUsed),
    verifyCredential: vi.fn(notUsed),
    setDefaultCredential: vi.fn(notUsed),
    getOAuthClient: vi.fn(notUsed),
    saveOAuthClient: vi.fn(notUsed),
    deleteOAuthClient: vi.fn(notUsed),
    startOAuth: vi.fn(() => start()),
    getOAuthFlow: vi.fn(async () => structuredClone(status)),
    // As the contract says: a pending flow reads `failed` with `flow_cancelled` afterwards; a flow
    // that already ended is left as it is (so one that won the race reads `succeeded`).
    cancelOAuthFlow: vi.fn(async (_flowId: string) => {
      if (status.status === 'pending') {
        status = {
          ...status,
          status: 'failed',
          error: { code: 'flow_cancelled', message: 'The connection was cancelled.' },
        };
      }
      return structuredClone(status);
    }),
    completeOAuthCallback: vi.fn(notUsed),
  } satisfies CredentialsBackend;
  return {
    backend,
    set(next: Partial<OAuthFlowStatus>) {
      status = { ...status, ...next };
    },
    /** Where the backend's flow stands now. */
    get status(): OAuthFlowStatus {
      return structuredClone(status);
    },
    /** The flow succeeded; `outcome` is what the backend says it did (`null`: an older backend). */
    succeed(
      id = 'cred-1',
      account = 'ada@example.com',
      outcome: OAuthFlowStatus['outcome'] = null,
    ) {
      credentials.push(credential(id, account));
      status = { ...status, status: 'succeeded', credentialId: id, outcome };
    },
    onStart(next: () => Promise<OAuthFlowStart>) {
      start = next;
    },
  };
}

let win: FakeWindow;
let channels: FakeChannel[];
let server: ReturnType<typeof fakeBackend>;
let controller: OAuthFlowController;
let outcomes: OAuthFlowOutcome[];

function setup() {
  controller = createOAuthFlowController({
    backend: server.backend,
    providerId: 'google-drive',
    window: win,
    createChannel: (name) => {
      const channel = new FakeChannel(name);
      channels.push(channel);
      return channel;
    },
  });
}

function start(options: Parameters<OAuthFlowController['start']>[0] = {}) {
  controller.start({ onSettled: (outcome) => outcomes.push(outcome), ...options });
}

/** Lets pending promises (backend calls) settle without moving the clock. */
const settle = () => vi.advanceTimersByTimeAsync(0);

function channelPost(data: unknown) {
  for (const channel of channels.filter((c) => c.name === oauthChannelName(flowId) && !c.closed)) {
    [...channel.listeners].forEach((listener) => listener({ data } as MessageEvent));
  }
}

function expectNothingLeft() {
  expect(win.listeners.size).toBe(0);
  expect(channels.every((channel) => channel.closed && channel.listeners.size === 0)).toBe(true);
  expect(vi.getTimerCount()).toBe(0);
}

const completion = (status: string, id = flowId) => ({
  type: OAUTH_MESSAGE_TYPE,
  flowId: id,
  status,
});

beforeEach(() => {
  vi.useFakeTimers();
  win = new FakeWindow();
  channels = [];
  outcomes = [];
  server = fakeBackend();
  setup();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('OAuth flow: the happy path', () => {
  it('opens the popup inside the click, before the backend is asked', () => {
    start();
    expect(win.open).toHaveBeenCalledTimes(1);
    expect(win.open.mock.calls[0]?.[0]).toBe('about:blank');
    // `noopener` would make `open` return null; the features must not ask for it.
    expect(win.open.mock.calls[0]?.[2]).not.toContain('noopener');
    expect(controller.getSnapshot()).toMatchObject({ status: 'opening', stage: 'start' });
  });

  it('navigates the popup to the authorization URL and waits', async () => {
    start();
    await settle();
    expect(win.popup.url).toBe(authorizationUrl);
    expect(controller.getSnapshot()).toMatchObject({
      status: 'waiting',
      flowId,
      authorizationUrl,
      inTab: false,
    });
  });

  it('succeeds only when the backend says so, with the connected account', async () => {
    start();
    await settle();
    await vi.advanceTimersByTimeAsync(1000);
    expect(controller.getSnapshot().status).toBe('waiting');

    server.succeed('cred-7', 'ada@example.com');
    await vi.advanceTimersByTimeAsync(1000);
    expect(controller.getSnapshot()).toMatchObject({
      status: 'succeeded',
      credentialId: 'cred-7',
      account: 'ada@example.com',
      outcome: 'created',
    });
    expect(outcomes).toHaveLength(1);
    expectNothingLeft();
  });

  it('polls at once when the completion page announces the outcome', async () => {
    start();
    await settle();
    server.succeed();
    win.post(completion('succeeded'), { source: win.popup });
    await settle();
    expect(controller.getSnapshot().status).toBe('succeeded');
  });

  it('polls at once on the flow’s BroadcastChannel too (no opener after COOP)', async () => {
    start();
    await settle();
    server.succeed();
    channelPost(completion('succeeded'));
    await settle();
    expect(controller.getSnapshot().status).toBe('succeeded');
  });

  it('re-authorizes a credential when started with its id', async () => {
    start({ credentialId: 'cred-1' });
    await settle();
    expect(server.backend.startOAuth).toHaveBeenCalledWith('google-drive', {
      credentialId: 'cred-1',
    });
    server.succeed('cred-1');
    await vi.advanceTimersByTimeAsync(1000);
    expect(controller.getSnapshot()).toMatchObject({
      status: 'succeeded',
      outcome: 'reauthorized',
    });
  });

  it('reports what the backend says the flow did: an account connected already is reconnected', async () => {
    start();
    await settle();
    server.succeed('cred-2', 'ada@example.com', 'reconnected');
    await vi.advanceTimersByTimeAsync(1000);
    expect(controller.getSnapshot()).toMatchObject({
      status: 'succeeded',
      credentialId: 'cred-2',
      outcome: 'reconnected',
    });
  });

  it('runs `prepare` after the popup opened and before the flow starts', async () => {
    const order: string[] = [];
    win.open.mockImplementationOnce(() => {
      order.push('open');
      const popup = new FakePopup();
      win.popups.push(popup);
      return popup;
    });
    server.backend.startOAuth.mockImplementationOnce(async () => {
      order.push('startOAuth');
      return { flowId, authorizationUrl, expiresAt: new Date(Date.now() + 600_000).toISOString() };
    });
    const onPrepared = vi.fn(() => order.push('prepared'));
    start({
      prepare: async () => {
        order.push('prepare');
      },
      onPrepared,
    });
    expect(controller.getSnapshot()).toMatchObject({ status: 'opening', stage: 'prepare' });
    await settle();
    expect(order).toEqual(['open', 'prepare', 'prepared', 'startOAuth']);
    expect(controller.getSnapshot().status).toBe('waiting');
  });
});

describe('OAuth flow: bad paths', () => {
  it('popup blocked: says so, fetches the URL for a new tab, and Try again reuses the flow', async () => {
    win.blockPopups = true;
    start();
    expect(controller.getSnapshot()).toMatchObject({
      status: 'blocked',
      authorizationUrl: null,
      attempts: 1,
    });
    await settle();
    expect(controller.getSnapshot()).toMatchObject({
      status: 'blocked',
      authorizationUrl,
      attempts: 1,
    });
    // Nothing is polled while nobody is signing in.
    await vi.advanceTimersByTimeAsync(5000);
    expect(server.backend.getOAuthFlow).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);

    start();
    expect(controller.getSnapshot()).toMatchObject({ status: 'blocked', attempts: 2 });

    win.blockPopups = false;
    start();
    expect(win.popup.url).toBe(authorizationUrl);
    expect(server.backend.startOAuth).toHaveBeenCalledTimes(1);
    expect(controller.getSnapshot().status).toBe('waiting');
  });

  it('popup blocked, opened in a new tab instead: waits on the channel and the backend', async () => {
    win.blockPopups = true;
    start();
    await settle();
    controller.openedInNewTab();
    expect(controller.getSnapshot()).toMatchObject({ status: 'waiting', inTab: true });
    server.succeed();
    channelPost(completion('succeeded'));
    await settle();
    expect(controller.getSnapshot().status).toBe('succeeded');
    expectNothingLeft();
  });

  it('Cancel on a blocked flow ends it quietly, and cancels it at the backend', async () => {
    win.blockPopups = true;
    start();
    await settle();
    controller.cancel();
    expect(controller.getSnapshot().status).toBe('idle');
    await settle();
    expect(server.backend.cancelOAuthFlow).toHaveBeenCalledWith(flowId);
    expect(outcomes).toEqual([]);
    expectNothingLeft();
  });

  it('a popup that reads closed early (COOP) still succeeds when the backend says so', async () => {
    start();
    await settle();
    win.popup.closed = true;
    await vi.advanceTimersByTimeAsync(1000);
    server.succeed();
    await vi.advanceTimersByTimeAsync(1000);
    expect(controller.getSnapshot().status).toBe('succeeded');
  });

  it('consent denied', async () => {
    start();
    await settle();
    server.set({
      status: 'failed',
      error: { code: 'access_denied', message: 'Access was denied.' },
    });
    win.post(completion('failed'), { source: win.popup });
    await settle();
    expect(controller.getSnapshot()).toMatchObject({ status: 'denied', flowId });
    expect(win.popup.close).toHaveBeenCalled();
    expectNothingLeft();
  });

  it('a failed exchange reports the backend’s reason', async () => {
    start();
    await settle();
    server.set({ status: 'failed', error: { code: 'invalid_grant', message: 'Start again.' } });
    await vi.advanceTimersByTimeAsync(1000);
    expect(controller.getSnapshot()).toMatchObject({
      status: 'failed',
      stage: 'flow',
      error: { code: 'invalid_grant', message: 'Start again.' },
    });
  });

  it('ignores messages from another origin, another window or another flow', async () => {
    start();
    await settle();
    const polls = () => server.backend.getOAuthFlow.mock.calls.length;
    expect(polls()).toBe(0);
    win.post(completion('succeeded'), { origin: 'https://evil.example', source: win.popup });
    win.post(completion('succeeded'), { source: {} });
    win.post(completion('succeeded', 'flow-2'), { source: win.popup });
    win.post({ type: 'something-else', flowId }, { source: win.popup });
    channelPost(completion('succeeded', 'flow-2'));
    await settle();
    expect(polls()).toBe(0);
    win.post(completion('succeeded'), { source: win.popup });
    await settle();
    expect(polls()).toBe(1);
  });

  it('a forged success with no backend record leaves it not connected', async () => {
    start();
    await settle();
    win.post(completion('succeeded'), { source: win.popup });
    channelPost(completion('succeeded'));
    await settle();
    await vi.advanceTimersByTimeAsync(3000);
    expect(controller.getSnapshot().status).toBe('waiting');
    expect(outcomes).toEqual([]);
    expect(server.backend.listCredentials).not.toHaveBeenCalled();
  });

  it('the backend reports the flow expired', async () => {
    start();
    await settle();
    server.set({ status: 'expired', error: { code: 'expired', message: 'Too long.' } });
    await vi.advanceTimersByTimeAsync(1000);
    expect(controller.getSnapshot()).toMatchObject({ status: 'expired', reason: 'backend' });
    expectNothingLeft();
  });

  it('times out when the flow’s expiresAt passes', async () => {
    server.onStart(async () => ({
      flowId,
      authorizationUrl,
      expiresAt: new Date(Date.now() + 2 * 60_000).toISOString(),
    }));
    start();
    await settle();
    await vi.advanceTimersByTimeAsync(2 * 60_000 + 2_000);
    expect(controller.getSnapshot()).toMatchObject({ status: 'expired', reason: 'timeout' });
    expect(win.popup.close).toHaveBeenCalled();
    expectNothingLeft();
  });

  it('the backend fails to start the flow: failed with its message, popup closed', async () => {
    const error = new CredentialsError(500, {
      code: 'server_error',
      message: 'The server had a problem.',
      retryable: true,
    });
    server.onStart(() => Promise.reject(error));
    start();
    await settle();
    expect(controller.getSnapshot()).toMatchObject({
      status: 'failed',
      stage: 'start',
      error: { code: 'server_error', message: 'The server had a problem.', cause: error },
    });
    expect(win.popup.close).toHaveBeenCalled();
    expectNothingLeft();
  });

  it('`prepare` failing closes the popup and never starts the flow', async () => {
    start({ prepare: () => Promise.reject(new Error('422')) });
    await settle();
    expect(controller.getSnapshot()).toMatchObject({ status: 'failed', stage: 'prepare' });
    expect(server.backend.startOAuth).not.toHaveBeenCalled();
    expect(win.popup.close).toHaveBeenCalled();
  });

  it('a double start opens one popup; starting while waiting focuses it', async () => {
    start();
    start();
    expect(win.open).toHaveBeenCalledTimes(1);
    await settle();
    expect(server.backend.startOAuth).toHaveBeenCalledTimes(1);
    start();
    expect(win.open).toHaveBeenCalledTimes(1);
    expect(win.popup.focus).toHaveBeenCalledTimes(2);
  });

  it('keeps polling through a network blip, and fails on a flow the backend does not know', async () => {
    start();
    await settle();
    server.backend.getOAuthFlow.mockRejectedValueOnce(
      new CredentialsError(0, { code: 'network_error', message: 'offline', retryable: true }),
    );
    await vi.advanceTimersByTimeAsync(1000);
    expect(controller.getSnapshot().status).toBe('waiting');
    server.backend.getOAuthFlow.mockRejectedValueOnce(
      new CredentialsError(404, { code: 'not_found', message: 'No such flow.', retryable: false }),
    );
    await vi.advanceTimersByTimeAsync(1000);
    expect(controller.getSnapshot()).toMatchObject({
      status: 'failed',
      stage: 'flow',
      error: { code: 'not_found' },
    });
    expectNothingLeft();
  });

  it('Cancel while the backend is still starting: nothing navigates or waits afterwards', async () => {
    let resolve!: (flow: OAuthFlowStart) => void;
    server.onStart(() => new Promise((r) => (resolve = r)));
    start();
    controller.cancel();
    expect(controller.getSnapshot()).toMatchObject({ status: 'cancelled', reason: 'user' });
    resolve({ flowId, authorizationUrl, expiresAt: new Date(Date.now() + 600_000).toISOString() });
    await settle();
    expect(win.popup.url).toBe('about:blank');
    expect(controller.getSnapshot().status).toBe('cancelled');
    // The flow the backend created meanwhile is cancelled there too: it can never complete.
    expect(server.backend.cancelOAuthFlow).toHaveBeenCalledWith(flowId);
    expect(server.status).toMatchObject({ status: 'failed', error: { code: 'flow_cancelled' } });
    expectNothingLeft();
  });
});

describe('OAuth flow: cleanup on every exit', () => {
  const exits: [string, () => Promise<void> | void][] = [
    [
      'success',
      async () => {
        server.succeed();
        await vi.advanceTimersByTimeAsync(1000);
      },
    ],
    [
      'denied',
      async () => {
        server.set({ status: 'failed', error: { code: 'access_denied', message: 'No.' } });
        await vi.advanceTimersByTimeAsync(1000);
      },
    ],
    [
      'failure',
      async () => {
        server.set({ status: 'failed', error: { code: 'invalid_grant', message: 'No.' } });
        await vi.advanceTimersByTimeAsync(1000);
      },
    ],
    ['cancel', () => controller.cancel()],
    [
      'timeout',
      async () => {
        await vi.advanceTimersByTimeAsync(11 * 60_000);
      },
    ],
    [
      'popup closed, then “I closed it — cancel”',
      async () => {
        win.popup.closed = true;
        await vi.advanceTimersByTimeAsync(1000);
        controller.cancel();
      },
    ],
    ['unmount (reset)', () => controller.reset()],
  ];

  it.each(exits)('%s leaves no listener, timer, channel or popup', async (_name, exit) => {
    start();
    await settle();
    expect(win.listeners.size).toBe(1);
    expect(channels.filter((channel) => !channel.closed)).toHaveLength(1);
    expect(vi.getTimerCount()).toBeGreaterThan(0);
    await exit();
    await settle();
    expect(controller.getSnapshot().status).not.toBe('waiting');
    expect(win.popup.closed).toBe(true);
    expectNothingLeft();
    // And nothing wakes up later to poll an abandoned flow.
    const polls = server.backend.getOAuthFlow.mock.calls.length;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.backend.getOAuthFlow.mock.calls.length).toBe(polls);
  });

  it('reset while the account name is being read back: idle, and the host still hears of the credential', async () => {
    let release!: () => void;
    server.backend.listCredentials.mockImplementationOnce(
      () => new Promise<Credential[]>((resolve) => (release = () => resolve([]))),
    );
    start();
    await settle();
    server.succeed('cred-3');
    await vi.advanceTimersByTimeAsync(1000);
    controller.reset();
    expect(controller.getSnapshot().status).toBe('idle');
    release();
    await settle();
    expect(controller.getSnapshot().status).toBe('idle');
    // The backend already said the flow succeeded: the credential exists, so the host must learn.
    expect(outcomes).toMatchObject([{ status: 'succeeded', credentialId: 'cred-3' }]);
    // A flow that already succeeded is not cancelled.
    expect(server.backend.cancelOAuthFlow).not.toHaveBeenCalled();
    expectNothingLeft();
  });

  it('a new flow after one ended starts fresh', async () => {
    start();
    await settle();
    controller.cancel();
    start();
    expect(win.open).toHaveBeenCalledTimes(2);
    await settle();
    expect(controller.getSnapshot().status).toBe('waiting');
    expect(server.backend.startOAuth).toHaveBeenCalledTimes(2);
  });
});

describe('OAuth flow: a popup that reads closed is not a cancel (COOP)', () => {
  it('says the window may have closed and keeps asking the backend, which alone decides', async () => {
    start();
    await settle();
    win.popup.closed = true;
    await vi.advanceTimersByTimeAsync(1000);
    expect(controller.getSnapshot()).toMatchObject({ status: 'waiting', popupClosed: true });
    const polls = server.backend.getOAuthFlow.mock.calls.length;

    // The consent page is really still open: minutes later the user clicks Allow Access.
    await vi.advanceTimersByTimeAsync(3 * 60_000);
    expect(controller.getSnapshot()).toMatchObject({ status: 'waiting', popupClosed: true });
    expect(server.backend.getOAuthFlow.mock.calls.length).toBeGreaterThan(polls);
    expect(outcomes).toEqual([]);
    expect(server.backend.cancelOAuthFlow).not.toHaveBeenCalled();

    server.succeed('cred-9', 'ada@example.com');
    channelPost(completion('succeeded'));
    await settle();
    expect(controller.getSnapshot()).toMatchObject({
      status: 'succeeded',
      credentialId: 'cred-9',
      account: 'ada@example.com',
    });
    expect(outcomes).toHaveLength(1);
    expectNothingLeft();
  });

  it('waits until the flow’s own expiresAt, then cancels it at the backend', async () => {
    start();
    await settle();
    win.popup.closed = true;
    await vi.advanceTimersByTimeAsync(9 * 60_000);
    expect(controller.getSnapshot()).toMatchObject({ status: 'waiting', popupClosed: true });
    await vi.advanceTimersByTimeAsync(60_000 + 2_000);
    expect(controller.getSnapshot()).toMatchObject({ status: 'expired', reason: 'timeout' });
    expect(server.backend.cancelOAuthFlow).toHaveBeenCalledWith(flowId);
    expectNothingLeft();
  });

  it('“I closed it — cancel” cancels the flow at the backend and ends as cancelled', async () => {
    start();
    await settle();
    win.popup.closed = true;
    await vi.advanceTimersByTimeAsync(1000);
    controller.cancel();
    expect(controller.getSnapshot()).toMatchObject({ status: 'cancelling', reason: 'user' });
    await settle();
    expect(server.backend.cancelOAuthFlow).toHaveBeenCalledWith(flowId);
    expect(controller.getSnapshot()).toMatchObject({ status: 'cancelled', reason: 'user' });
    expect(server.status).toMatchObject({ status: 'failed', error: { code: 'flow_cancelled' } });
    expect(outcomes).toMatchObject([{ status: 'cancelled' }]);
    expectNothingLeft();
  });

  it('“Open it again” opens the same flow’s consent page in a new popup', async () => {
    start();
    await settle();
    const first = win.popup;
    first.closed = true;
    await vi.advanceTimersByTimeAsync(1000);
    controller.reopenPopup();
    expect(win.open).toHaveBeenCalledTimes(2);
    expect(win.popup).not.toBe(first);
    expect(win.popup.url).toBe(authorizationUrl);
    expect(server.backend.startOAuth).toHaveBeenCalledTimes(1);
    expect(controller.getSnapshot()).toMatchObject({
      status: 'waiting',
      flowId,
      popupClosed: false,
    });

    // The new window's completion message is the one listened to.
    server.succeed();
    win.post(completion('succeeded'), { source: win.popup });
    await settle();
    expect(controller.getSnapshot().status).toBe('succeeded');
    expect(win.popup.close).toHaveBeenCalled();
    expectNothingLeft();
  });

  it('“Open it again” blocked by the browser: says so, and the flow still listens', async () => {
    start();
    await settle();
    win.popup.closed = true;
    await vi.advanceTimersByTimeAsync(1000);
    win.blockPopups = true;
    controller.reopenPopup();
    expect(controller.getSnapshot()).toMatchObject({ status: 'blocked', authorizationUrl });
    server.succeed();
    await vi.advanceTimersByTimeAsync(1000);
    expect(controller.getSnapshot().status).toBe('succeeded');
  });
});

describe('OAuth flow: an abandoned flow can never complete', () => {
  it('Cancel while waiting cancels the flow at the backend first', async () => {
    start();
    await settle();
    controller.cancel();
    expect(win.popup.closed).toBe(true);
    await settle();
    expect(server.backend.cancelOAuthFlow).toHaveBeenCalledTimes(1);
    expect(server.backend.cancelOAuthFlow).toHaveBeenCalledWith(flowId);
    expect(controller.getSnapshot()).toMatchObject({ status: 'cancelled', reason: 'user' });
    expectNothingLeft();
  });

  it('a Cancel that lost the race to Allow Access finishes as connected', async () => {
    start();
    await settle();
    // Access was granted a moment ago; no poll has seen it yet.
    server.succeed('cred-5', 'ada@example.com');
    controller.cancel();
    await settle();
    expect(controller.getSnapshot()).toMatchObject({
      status: 'succeeded',
      credentialId: 'cred-5',
      account: 'ada@example.com',
    });
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['succeeded']);
    expectNothingLeft();
  });

  it('the timeout is the flow’s expiresAt, however long the flow lives', async () => {
    server.onStart(async () => ({
      flowId,
      authorizationUrl,
      expiresAt: new Date(Date.now() + 60 * 60_000).toISOString(),
    }));
    start();
    await settle();
    await vi.advanceTimersByTimeAsync(30 * 60_000);
    expect(controller.getSnapshot().status).toBe('waiting');
    expect(server.backend.cancelOAuthFlow).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(30 * 60_000 + 2_000);
    expect(controller.getSnapshot()).toMatchObject({ status: 'expired', reason: 'timeout' });
    expect(server.backend.cancelOAuthFlow).toHaveBeenCalledWith(flowId);
    expectNothingLeft();
  });

  it('a timeout whose cancel finds the flow succeeded finishes as connected', async () => {
    start();
    await settle();
    // Polls keep failing (the backend is unreachable), then access is granted just at the end.
    server.backend.getOAuthFlow.mockRejectedValue(
      new CredentialsError(503, { code: 'unavailable', message: 'Down.', retryable: true }),
    );
    await vi.advanceTimersByTimeAsync(10 * 60_000 - 1000);
    server.succeed('cred-6', 'ada@example.com');
    await vi.advanceTimersByTimeAsync(3_000);
    expect(server.backend.cancelOAuthFlow).toHaveBeenCalledWith(flowId);
    expect(controller.getSnapshot()).toMatchObject({ status: 'succeeded', credentialId: 'cred-6' });
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['succeeded']);
  });

  it('unmount (reset) cancels the flow at the backend', async () => {
    start();
    await settle();
    controller.reset();
    await settle();
    expect(server.backend.cancelOAuthFlow).toHaveBeenCalledWith(flowId);
    expect(server.status).toMatchObject({ status: 'failed', error: { code: 'flow_cancelled' } });
    expect(controller.getSnapshot().status).toBe('idle');
    expect(outcomes).toEqual([]);
  });

  it('unmount (reset) just after Allow Access: idle, and the host still hears of the credential', async () => {
    start();
    await settle();
    server.succeed('cred-8');
    controller.reset();
    await settle();
    expect(controller.getSnapshot().status).toBe('idle');
    expect(outcomes).toMatchObject([{ status: 'succeeded', credentialId: 'cred-8' }]);
  });

  it('starting a new flow while the old one is still being cancelled cancels the old one', async () => {
    start();
    await settle();
    let answer!: () => void;
    server.backend.cancelOAuthFlow.mockImplementationOnce(
      (id: string) =>
        new Promise<OAuthFlowStatus>((resolve) => {
          answer = () => resolve({ ...server.status, flowId: id });
        }),
    );
    controller.cancel();
    expect(controller.getSnapshot().status).toBe('cancelling');
    server.onStart(async () => ({
      flowId: 'flow-2',
      authorizationUrl,
      expiresAt: new Date(Date.now() + 600_000).toISOString(),
    }));
    start();
    expect(win.open).toHaveBeenCalledTimes(2);
    await settle();
    expect(controller.getSnapshot()).toMatchObject({ status: 'waiting', flowId: 'flow-2' });
    answer();
    await settle();
    // The old flow's answer does not disturb the new one.
    expect(controller.getSnapshot()).toMatchObject({ status: 'waiting', flowId: 'flow-2' });
    expect(server.backend.cancelOAuthFlow).toHaveBeenCalledTimes(1);
    expect(server.backend.cancelOAuthFlow).toHaveBeenCalledWith(flowId);
  });

  it('a cancel the backend never answers still ends the flow, in a few seconds', async () => {
    start();
    await settle();
    server.backend.cancelOAuthFlow.mockImplementationOnce(() => new Promise(() => {}));
    controller.cancel();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(controller.getSnapshot()).toMatchObject({ status: 'cancelled', reason: 'user' });
    expectNothingLeft();
  });

  it('a cancel that fails (offline) still ends the flow as cancelled', async () => {
    start();
    await settle();
    server.backend.cancelOAuthFlow.mockRejectedValueOnce(
      new CredentialsError(0, { code: 'network_error', message: 'offline', retryable: true }),
    );
    controller.cancel();
    await settle();
    expect(controller.getSnapshot()).toMatchObject({ status: 'cancelled', reason: 'user' });
    expectNothingLeft();
  });
});

describe('OAuth flow: the credential read-back is bounded', () => {
  it('a read-back that never answers finishes as connected, without the account name', async () => {
    server.backend.listCredentials.mockImplementationOnce(() => new Promise(() => {}));
    start();
    await settle();
    server.succeed('cred-4');
    await vi.advanceTimersByTimeAsync(1000);
    expect(controller.getSnapshot().status).toBe('waiting');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(controller.getSnapshot()).toMatchObject({
      status: 'succeeded',
      credentialId: 'cred-4',
      credential: null,
      account: null,
    });
    expect(outcomes).toHaveLength(1);
    expectNothingLeft();
  });

  it('the read-back request is aborted when it is given up', async () => {
    let signal: AbortSignal | undefined;
    server.backend.listCredentials.mockImplementationOnce(
      (_filter?: unknown, options?: { signal?: AbortSignal }) => {
        signal = options?.signal;
        return new Promise(() => {});
      },
    );
    start();
    await settle();
    server.succeed();
    await vi.advanceTimersByTimeAsync(11_000);
    expect(controller.getSnapshot().status).toBe('succeeded');
    expect(signal?.aborted).toBe(true);
  });
});

describe('OAuth flow: only safe authorization URLs are opened', () => {
  const refused = [
    'javascript:alert(document.cookie)',
    'JavaScript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'http://accounts.example/o/oauth2/auth',
    'http://localhost.evil.example/authorize',
    'http://10.0.0.1/authorize',
    'ftp://accounts.example/authorize',
    'about:blank',
    '/relative/authorize',
    'not a url',
  ];

  it.each(refused)(
    '%s: the flow fails, the blank popup closes, the flow is cancelled',
    async (url) => {
      server.onStart(async () => ({
        flowId,
        authorizationUrl: url,
        expiresAt: new Date(Date.now() + 600_000).toISOString(),
      }));
      start();
      await settle();
      expect(win.popup.url).toBe('about:blank');
      expect(win.popup.close).toHaveBeenCalled();
      expect(controller.getSnapshot()).toMatchObject({
        status: 'failed',
        stage: 'start',
        flowId,
        error: { code: 'unsafe_authorization_url' },
      });
      expect(server.backend.cancelOAuthFlow).toHaveBeenCalledWith(flowId);
      expect(outcomes).toHaveLength(1);
      expectNothingLeft();
    },
  );

  it('a blocked popup never offers an unsafe URL for a new tab', async () => {
    server.onStart(async () => ({
      flowId,
      authorizationUrl: 'javascript:alert(1)',
      expiresAt: new Date(Date.now() + 600_000).toISOString(),
    }));
    win.blockPopups = true;
    start();
    await settle();
    expect(controller.getSnapshot()).toMatchObject({
      status: 'failed',
      error: { code: 'unsafe_authorization_url' },
    });
  });

  const allowed = [
    'https://accounts.example/o/oauth2/auth?x=1',
    'http://localhost:5173/oauth-provider/authorize.html',
    'http://127.0.0.1:4173/authorize',
    'http://127.8.9.10/authorize',
    'http://[::1]:8080/authorize',
  ];

  it.each(allowed)('%s is opened', async (url) => {
    server.onStart(async () => ({
      flowId,
      authorizationUrl: url,
      expiresAt: new Date(Date.now() + 600_000).toISOString(),
    }));
    start();
    await settle();
    expect(win.popup.url).toBe(url);
    expect(controller.getSnapshot()).toMatchObject({ status: 'waiting', authorizationUrl: url });
  });
});
