/**
 * The pieces the OAuth flow controller is built from, each on its own. The controller's
 * behaviour as a whole is tests/unit/oauth-flow.test.ts; these pin down the edges of each piece.
 */
import type { OAuthFlowStatus } from 'pipeline-connect';
import {
  OAUTH_MESSAGE_TYPE,
  oauthChannelName,
  type OAuthChannel,
  type OAuthFlowWindow,
  type OAuthPopupWindow,
} from 'pipeline-connect/oauth';
import { describe, expect, it, vi } from 'vitest';
// Internal on purpose: the OAuth flow machine's parts, which this file tests one by one.
import { listenForCompletionHints } from '../../src/oauth/oauth-completion-listeners';
import { flowDeadline } from '../../src/oauth/oauth-flow-session';
import { endedOutcome } from '../../src/oauth/oauth-flow-snapshots';
import { openPopup, popupReadsClosed } from '../../src/oauth/oauth-popup-window';

const origin = 'https://app.example';
const hint = { type: OAUTH_MESSAGE_TYPE, flowId: 'flow-1', status: 'succeeded' };

function fakeWindow(open: OAuthFlowWindow['open'] = () => null) {
  const listeners = new Set<(event: MessageEvent) => void>();
  const win = {
    location: { origin },
    screenX: 100,
    screenY: 50,
    outerWidth: 1520,
    outerHeight: 1080,
    open: vi.fn(open),
    addEventListener: (_type: 'message', listener: (event: MessageEvent) => void) =>
      listeners.add(listener),
    removeEventListener: (_type: 'message', listener: (event: MessageEvent) => void) =>
      listeners.delete(listener),
  } satisfies OAuthFlowWindow;
  const post = (data: unknown, from: { origin?: string; source?: unknown } = {}) =>
    [...listeners].forEach((listener) =>
      listener({
        data,
        origin: from.origin ?? origin,
        source: from.source ?? null,
      } as MessageEvent),
    );
  return { win, listeners, post };
}

function fakeChannel() {
  const listeners = new Set<(event: MessageEvent) => void>();
  const channel = {
    close: vi.fn(),
    addEventListener: (_type: 'message', listener: (event: MessageEvent) => void) =>
      listeners.add(listener),
    removeEventListener: (_type: 'message', listener: (event: MessageEvent) => void) =>
      listeners.delete(listener),
  } satisfies OAuthChannel;
  const post = (data: unknown) =>
    [...listeners].forEach((listener) => listener({ data } as MessageEvent));
  return { channel, listeners, post };
}

describe('flowDeadline', () => {
  const now = Date.parse('2025-01-01T00:00:00Z');

  it("trusts the backend's expiresAt, with a little grace", () => {
    expect(flowDeadline('2025-01-01T00:10:00Z', now)).toBe(now + 10 * 60_000 + 2_000);
  });

  it('gives a flow the usual ten minutes when expiresAt reads (nearly) past: clock skew', () => {
    expect(flowDeadline('2025-01-01T00:00:10Z', now)).toBe(now + 10 * 60_000);
    expect(flowDeadline('2024-12-31T23:00:00Z', now)).toBe(now + 10 * 60_000);
  });
});

describe('openPopup', () => {
  it('opens a named, centred popup and writes the loading text into it', () => {
    const doc = { title: '', body: { textContent: '' as string | null, style: {} } };
    const popup = { closed: false, document: doc } as unknown as OAuthPopupWindow;
    const { win } = fakeWindow(() => popup);
    expect(openPopup(win, 'google-drive', 'Opening Google Drive…')).toBe(popup);
    expect(win.open).toHaveBeenCalledWith(
      'about:blank',
      'pipeline-connect-oauth-google-drive',
      'popup=yes,width=520,height=680,left=600,top=250',
    );
    expect(doc.title).toBe('Opening Google Drive…');
    expect(doc.body.textContent).toBe('Opening Google Drive…');
  });

  it('reads a refusal (null or a throw) as no popup', () => {
    expect(openPopup(fakeWindow(() => null).win, 'notion', undefined)).toBeNull();
    const throwing = fakeWindow(() => {
      throw new Error('blocked');
    });
    expect(openPopup(throwing.win, 'notion', undefined)).toBeNull();
  });

  it('still returns a popup whose document it may not touch', () => {
    const popup = {
      get document(): never {
        throw new Error('cross-origin');
      },
    } as unknown as OAuthPopupWindow;
    expect(openPopup(fakeWindow(() => popup).win, 'notion', 'Opening…')).toBe(popup);
  });
});

describe('popupReadsClosed', () => {
  it('is false without a popup and for a reference that throws (COOP)', () => {
    expect(popupReadsClosed(null)).toBe(false);
    const severed = {
      get closed(): never {
        throw new Error('severed');
      },
    } as unknown as OAuthPopupWindow;
    expect(popupReadsClosed(severed)).toBe(false);
    expect(popupReadsClosed({ closed: true } as OAuthPopupWindow)).toBe(true);
  });
});

describe('listenForCompletionHints', () => {
  it('hears the flow by postMessage from its popup and on its channel, and nothing else', () => {
    const { win, post } = fakeWindow();
    const { channel, post: broadcast } = fakeChannel();
    const createChannel = vi.fn(() => channel);
    const popup = {} as OAuthPopupWindow;
    const onHint = vi.fn();
    listenForCompletionHints({
      window: win,
      createChannel,
      flowId: 'flow-1',
      expectedSource: () => popup,
      onHint,
    });
    expect(createChannel).toHaveBeenCalledWith(oauthChannelName('flow-1'));

    post(hint, { origin: 'https://evil.example', source: popup });
    post(hint, { source: {} });
    post({ ...hint, flowId: 'flow-2' }, { source: popup });
    broadcast({ ...hint, flowId: 'flow-2' });
    expect(onHint).not.toHaveBeenCalled();

    post(hint, { source: popup });
    broadcast(hint);
    expect(onHint).toHaveBeenCalledTimes(2);
  });

  it('accepts any window of the origin without a popup (a tab), and stops when asked', () => {
    const { win, listeners, post } = fakeWindow();
    const { channel, listeners: channelListeners } = fakeChannel();
    const onHint = vi.fn();
    const stop = listenForCompletionHints({
      window: win,
      createChannel: () => channel,
      flowId: 'flow-1',
      expectedSource: () => null,
      onHint,
    });
    post(hint, { source: {} });
    expect(onHint).toHaveBeenCalledOnce();

    stop();
    expect(listeners.size).toBe(0);
    expect(channelListeners.size).toBe(0);
    expect(channel.close).toHaveBeenCalledOnce();
  });

  it('listens by postMessage alone when the channel cannot be opened', () => {
    const { win, post } = fakeWindow();
    const onHint = vi.fn();
    listenForCompletionHints({
      window: win,
      createChannel: () => {
        throw new Error('no channel');
      },
      flowId: 'flow-1',
      expectedSource: () => null,
      onHint,
    });
    post(hint);
    expect(onHint).toHaveBeenCalledOnce();
  });
});

describe('endedOutcome', () => {
  const base: OAuthFlowStatus = {
    flowId: 'flow-1',
    providerId: 'notion',
    status: 'pending',
    credentialId: null,
    outcome: null,
    error: null,
  };

  it('is null while pending and for a success (which needs the credential first)', () => {
    expect(endedOutcome('notion', 'flow-1', base)).toBeNull();
    expect(
      endedOutcome('notion', 'flow-1', { ...base, status: 'succeeded', credentialId: 'c' }),
    ).toBeNull();
  });

  it('reads access_denied as denied, other failures as failed, and expiry as the backend’s', () => {
    const failed = (code: string) => ({
      ...base,
      status: 'failed' as const,
      error: { code, message: 'Nope' },
    });
    expect(endedOutcome('notion', 'flow-1', failed('access_denied'))).toEqual({
      status: 'denied',
      providerId: 'notion',
      flowId: 'flow-1',
    });
    expect(endedOutcome('notion', 'flow-1', failed('server_error'))).toEqual({
      status: 'failed',
      providerId: 'notion',
      flowId: 'flow-1',
      stage: 'flow',
      error: { code: 'server_error', message: 'Nope' },
    });
    expect(endedOutcome('notion', 'flow-1', { ...base, status: 'expired' })).toEqual({
      status: 'expired',
      providerId: 'notion',
      flowId: 'flow-1',
      reason: 'backend',
    });
  });
});
