import createClient from 'openapi-fetch';
import type { paths } from './api-types';
import type {
  CallOptions,
  CreateApiKeyInput,
  Credential,
  CredentialValues,
  CredentialVerification,
  CredentialsBackend,
  CreateOptions,
  OAuthCallbackInput,
  OAuthClientSettings,
  OAuthFlowStart,
  OAuthFlowStatus,
  Provider,
  SaveOAuthClientInput,
  UpdateCredentialInput,
  VerificationReport,
} from './backend';
import { checkPathId } from '../rules/path-ids';
import { CredentialsError } from './credentials-error';
import { errorFromResponse } from './error-from-response';
import {
  isCredential,
  isCredentialList,
  isCredentialVerification,
  isOAuthClientSettings,
  isOAuthFlowStart,
  isOAuthFlowStatus,
  isProviderList,
  isVerificationReport,
  type Check,
} from './response-shapes';

/** Headers sent with every request: fixed, or computed per request (e.g. a fresh auth token). */
export type HttpCredentialsBackendHeaders =
  HeadersInit | (() => HeadersInit | Promise<HeadersInit>);

/** Options of {@link createHttpCredentialsBackend}. */
export interface HttpCredentialsBackendOptions {
  /** Where the REST contract is served, e.g. `/api` or `https://example.com/api`. */
  baseUrl: string;
  /** The fetch to use; defaults to the global `fetch`, looked up on every request. */
  fetch?: (request: Request) => Promise<Response>;
  /** Extra headers, e.g. `Authorization`; a function is called before every request. */
  headers?: HttpCredentialsBackendHeaders;
}

/** What openapi-fetch resolves to, reduced to what the adapter reads. */
interface Outcome<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * Creates a {@link CredentialsBackend} that speaks the REST contract (`contract/openapi.yaml`)
 * through openapi-fetch.
 *
 * Every failure rejects with a {@link CredentialsError}: the contract's error envelope when the
 * backend sent one, a status-derived error otherwise (`server_error` for 5xx), status 0 and
 * `network_error` when no response came back, `invalid_response` when a success carried no
 * JSON (typically an HTML fallback page: the backend is not mounted at `baseUrl`) or JSON of
 * the wrong shape. Ids are path-encoded; an id that would still leave its route (empty, `.` or
 * `..`) rejects with status 0 and `bad_request` before anything is sent. An aborted call
 * rejects with the abort reason as-is, so callers can tell a cancel from a failure.
 *
 * @example
 * const backend = createHttpCredentialsBackend({
 *   baseUrl: '/api',
 *   headers: async () => ({ Authorization: `Bearer ${await getToken()}` }),
 * });
 */
export function createHttpCredentialsBackend(
  options: HttpCredentialsBackendOptions,
): CredentialsBackend {
  const baseFetch = options.fetch ?? ((request: Request) => globalThis.fetch(request));
  const client = createClient<paths>({ baseUrl: options.baseUrl, fetch: guardFetch(baseFetch) });

  async function headers(): Promise<HeadersInit | undefined> {
    const source = options.headers;
    return typeof source === 'function' ? await source() : source;
  }

  return {
    async listProviders(call?: CallOptions): Promise<Provider[]> {
      const outcome = client.GET('/providers', { headers: await headers(), signal: call?.signal });
      const { providers } = await json(outcome, isProviderList);
      return providers;
    },

    async listCredentials(
      filter?: { providerId?: string },
      call?: CallOptions,
    ): Promise<Credential[]> {
      const query = filter?.providerId === undefined ? {} : { providerId: filter.providerId };
      const outcome = client.GET('/credentials', {
        params: { query },
        headers: await headers(),
        signal: call?.signal,
      });
      const { credentials } = await json(outcome, isCredentialList);
      return credentials;
    },

    async createApiKeyCredential(
      providerId: string,
      input: CreateApiKeyInput,
      create?: CreateOptions,
    ): Promise<Credential> {
      pathId(providerId);
      const header =
        create?.idempotencyKey === undefined ? {} : { 'Idempotency-Key': create.idempotencyKey };
      const outcome = client.POST('/providers/{providerId}/credentials', {
        params: { path: { providerId }, header },
        body: input,
        headers: await headers(),
      });
      return json(outcome, isCredential);
    },

    async updateCredential(
      credentialId: string,
      version: number,
      input: UpdateCredentialInput,
    ): Promise<Credential> {
      pathId(credentialId);
      const outcome = client.PATCH('/credentials/{credentialId}', {
        params: { path: { credentialId }, header: { 'If-Match': `"${version}"` } },
        body: input,
        headers: await headers(),
      });
      return json(outcome, isCredential);
    },

    async verifyApiKeyDraft(
      providerId: string,
      input: { values: CredentialValues },
    ): Promise<VerificationReport> {
      pathId(providerId);
      const outcome = client.POST('/providers/{providerId}/credentials/verify', {
        params: { path: { providerId } },
        body: { values: input.values },
        headers: await headers(),
      });
      return json(outcome, isVerificationReport);
    },

    async verifyCredential(
      credentialId: string,
      input: { values?: CredentialValues } = {},
    ): Promise<CredentialVerification> {
      pathId(credentialId);
      const outcome = client.POST('/credentials/{credentialId}/verify', {
        params: { path: { credentialId } },
        body: input.values === undefined ? {} : { values: input.values },
        headers: await headers(),
      });
      return json(outcome, isCredentialVerification);
    },

    async deleteCredential(credentialId: string, version: number): Promise<void> {
      pathId(credentialId);
      const outcome = client.DELETE('/credentials/{credentialId}', {
        params: { path: { credentialId }, header: { 'If-Match': `"${version}"` } },
        headers: await headers(),
      });
      await empty(outcome);
    },

    async setDefaultCredential(providerId: string, credentialId: string): Promise<void> {
      pathId(providerId);
      const outcome = client.PUT('/providers/{providerId}/default-credential', {
        params: { path: { providerId } },
        body: { credentialId },
        headers: await headers(),
      });
      await empty(outcome);
    },

    async getOAuthClient(providerId: string, call?: CallOptions): Promise<OAuthClientSettings> {
      pathId(providerId);
      const outcome = client.GET('/providers/{providerId}/oauth-client', {
        params: { path: { providerId } },
        headers: await headers(),
        signal: call?.signal,
      });
      return json(outcome, isOAuthClientSettings);
    },

    async saveOAuthClient(
      providerId: string,
      input: SaveOAuthClientInput,
    ): Promise<OAuthClientSettings> {
      pathId(providerId);
      const outcome = client.PUT('/providers/{providerId}/oauth-client', {
        params: { path: { providerId } },
        body: input,
        headers: await headers(),
      });
      return json(outcome, isOAuthClientSettings);
    },

    async deleteOAuthClient(providerId: string): Promise<OAuthClientSettings> {
      pathId(providerId);
      const outcome = client.DELETE('/providers/{providerId}/oauth-client', {
        params: { path: { providerId } },
        headers: await headers(),
      });
      return json(outcome, isOAuthClientSettings);
    },

    async startOAuth(
      providerId: string,
      input?: { credentialId?: string },
    ): Promise<OAuthFlowStart> {
      pathId(providerId);
      const outcome = client.POST('/providers/{providerId}/oauth/flows', {
        params: { path: { providerId } },
        body: input ?? {},
        headers: await headers(),
      });
      return json(outcome, isOAuthFlowStart);
    },

    async getOAuthFlow(flowId: string, call?: CallOptions): Promise<OAuthFlowStatus> {
      pathId(flowId);
      const outcome = client.GET('/oauth/flows/{flowId}', {
        params: { path: { flowId } },
        headers: await headers(),
        signal: call?.signal,
      });
      return json(outcome, isOAuthFlowStatus);
    },

    async cancelOAuthFlow(flowId: string): Promise<OAuthFlowStatus> {
      pathId(flowId);
      const outcome = client.DELETE('/oauth/flows/{flowId}', {
        params: { path: { flowId } },
        headers: await headers(),
      });
      return json(outcome, isOAuthFlowStatus);
    },

    async completeOAuthCallback(input: OAuthCallbackInput): Promise<OAuthFlowStatus> {
      const outcome = client.POST('/oauth/callback', { body: input, headers: await headers() });
      return json(outcome, isOAuthFlowStatus);
    },
  };
}

/**
 * Turns what happens below openapi-fetch into CredentialsErrors: a rejected fetch (other than an
 * abort) becomes `network_error`, and a success whose body is not JSON becomes
 * `invalid_response` with the real status (openapi-fetch would throw a bare SyntaxError).
 */
function guardFetch(
  baseFetch: (request: Request) => Promise<Response>,
): (request: Request) => Promise<Response> {
  return async (request) => {
    let response: Response;
    try {
      response = await baseFetch(request);
    } catch (error) {
      if (request.signal.aborted || isAbortError(error)) throw error;
      throw new CredentialsError(
        0,
        {
          code: 'network_error',
          message: 'The credentials service could not be reached.',
          retryable: true,
        },
        { cause: error },
      );
    }
    if (response.ok && response.status !== 204) {
      const text = await response.clone().text();
      if (text !== '' && !parsesAsJson(text)) {
        throw new CredentialsError(response.status, {
          code: 'invalid_response',
          message: 'The credentials service sent a response that is not JSON.',
          retryable: false,
        });
      }
    }
    return response;
  };
}

/** Refuses an id that would leave its route even path-encoded, before anything is sent. */
function pathId(id: string): void {
  const problem = checkPathId(id);
  if (problem) throw new CredentialsError(0, { ...problem, retryable: false });
}

async function json<T>(pending: Promise<Outcome<T>>, hasShape: Check): Promise<T> {
  const { data, error, response } = await pending;
  if (!response.ok) throw errorFromResponse(response, error);
  if (data === undefined || !hasShape(data)) {
    throw new CredentialsError(response.status, {
      code: 'invalid_response',
      message:
        data === undefined
          ? 'The credentials service sent an empty response.'
          : 'The credentials service sent a response of an unexpected shape.',
      retryable: false,
    });
  }
  return data;
}

async function empty(pending: Promise<Outcome<unknown>>): Promise<void> {
  const { error, response } = await pending;
  if (!response.ok) throw errorFromResponse(response, error);
}

function isAbortError(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
