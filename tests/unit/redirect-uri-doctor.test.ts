import { describe, expect, it } from 'vitest';
import { checkRedirectOrigin } from '../../src/oauth/redirect-uri-doctor';

describe('the redirect-URI doctor', () => {
  it('is quiet when the redirect URI is on the page’s origin', () => {
    expect(
      checkRedirectOrigin('http://localhost:5173/oauth-callback.html', 'http://localhost:5173'),
    ).toBeNull();
    // The default port written out is the same origin.
    expect(checkRedirectOrigin('https://app.example.com:443/cb', 'https://app.example.com')).toBe(
      null,
    );
  });

  it.each([
    [
      'a proxy that terminates TLS',
      'http://app.example.com/cb',
      'https://app.example.com',
      'scheme',
    ],
    ['localhost against 127.0.0.1', 'http://127.0.0.1:5173/cb', 'http://localhost:5173', 'host'],
    [
      'the backend’s port, not the dev server’s',
      'http://localhost:3000/cb',
      'http://localhost:5173',
      'port',
    ],
  ] as const)('names what differs: %s', (_trap, redirectUri, page, difference) => {
    expect(checkRedirectOrigin(redirectUri, page)).toEqual({
      difference,
      redirectOrigin: new URL(redirectUri).origin,
      pageOrigin: page,
    });
  });

  it('says nothing about what is not a URL', () => {
    expect(checkRedirectOrigin('not a url', 'http://localhost:5173')).toBeNull();
  });
});
