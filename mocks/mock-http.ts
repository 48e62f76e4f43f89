/**
 * Typed MSW overrides for the tests and stories: openapi-msw's `http` over the contract's
 * generated `paths`, the typing the mock's own handlers use (see `handlers.ts`). A path the
 * contract does not have, a method it does not offer there, a path parameter it does not name,
 * or a body of the wrong shape fails to type-check. Error answers are `errorResponse`'s envelope.
 *
 * Test infrastructure, like `shared-worker.ts`: not exported by `pipeline-connect/mocks`, whose
 * public signatures would then carry the generated contract types.
 */
import { createOpenApiHttp, type OpenApiHttpHandlers } from 'openapi-msw';
import type { paths } from '../src/credentials/api-types';

/** openapi-msw's `http` for the contract: `get`, `post`, … by contract path, and `untyped`. */
export type MockHttp = OpenApiHttpHandlers<paths>;

/**
 * The typed `http` for a contract mounted at `baseUrl`: `/api` (on the page's origin) in the
 * browser tests and stories, an absolute URL in Node.
 *
 * @example
 * ```ts
 * const api = createMockHttp('http://localhost/api');
 * server.use(api.get('/providers', ({ response }) => response(200).json({ providers: [] })));
 * ```
 */
export function createMockHttp(baseUrl = '/api'): MockHttp {
  return createOpenApiHttp<paths>({ baseUrl });
}

/**
 * The typed `http` for the contract at `/api` on the page's origin, where the browser tests'
 * and the stories' mock backend is mounted.
 *
 * @example
 * ```ts
 * renderWithBackend(ui, {
 *   handlers: [
 *     mockHttp.get('/credentials', () =>
 *       errorResponse(403, { code: 'forbidden', message: 'No.', retryable: false }),
 *     ),
 *   ],
 * });
 * ```
 */
export const mockHttp: MockHttp = createMockHttp();
