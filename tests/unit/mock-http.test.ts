import { getResponse, HttpResponse } from 'msw';
import { errorResponse } from 'pipeline-connect/mocks';
import { describe, expect, it } from 'vitest';
// Test infrastructure: the typed MSW overrides (like shared-worker.ts, not a package export).
import { createMockHttp } from '../../mocks/mock-http';

const API = 'http://localhost/api';
const api = createMockHttp(API);
const FORBIDDEN = { code: 'forbidden', message: 'No.', retryable: false } as const;

/*
 * What the typing refuses: each `@ts-expect-error` fails `tsc` the day the override below it
 * type-checks, so these lines prove that a typo'd path or a wrong body cannot compile.
 */
export const refused = [
  // @ts-expect-error A path the contract does not have.
  api.get('/credential', () => HttpResponse.error()),
  // @ts-expect-error A method the path does not offer.
  api.post('/credentials', () => HttpResponse.error()),
  // @ts-expect-error A path parameter the path does not name.
  api.patch('/credentials/{credentialId}', ({ params }) => void params.id),
  // @ts-expect-error A success body of the wrong shape.
  api.get('/credentials', ({ response }) => response(200).json({ credential: [] })),
  // @ts-expect-error A success body with a field the contract does not have.
  api.get('/credentials', ({ response }) => response(200).json({ credentials: [], next: null })),
  // @ts-expect-error A status the operation does not document.
  api.get('/providers', ({ response }) => response(418).json({ providers: [] })),
  // @ts-expect-error A hand-written error body that is not the envelope (no `retryable`).
  api.get('/credentials', () => HttpResponse.json({ error: { code: 'x', message: 'y' } })),
  // @ts-expect-error An error body where the operation answers none (a bare credential list).
  api.get('/credentials', () => HttpResponse.json({ credentials: [{ id: 1 }] })),
];

describe('typed MSW overrides (mocks/mock-http.ts)', () => {
  it('match the contract path under the base URL, path parameters included', async () => {
    const handlers = [
      api.patch('/credentials/{credentialId}', ({ params }) =>
        errorResponse(403, { ...FORBIDDEN, message: `No: ${params.credentialId}` }),
      ),
    ];
    const response = await getResponse(
      handlers,
      new Request(`${API}/credentials/cred-1`, { method: 'PATCH' }),
    );
    expect(response?.status).toBe(403);
    expect(response?.headers.get('Cache-Control')).toBe('no-store');
    expect(await response?.json()).toEqual({ error: { ...FORBIDDEN, message: 'No: cred-1' } });
  });

  it('leave other paths and methods to the next handler', async () => {
    const handlers = [
      api.get('/providers', ({ response }) => response(200).json({ providers: [] })),
    ];
    expect(await getResponse(handlers, new Request(`${API}/providers/x`))).toBeUndefined();
    expect(
      await getResponse(handlers, new Request(`${API}/providers`, { method: 'POST' })),
    ).toBeUndefined();
    expect((await getResponse(handlers, new Request(`${API}/providers`)))?.status).toBe(200);
  });
});
