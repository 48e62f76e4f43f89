/**
 * The spec-first router: it walks the contract's operations, matches each request to one,
 * validates its path, query, headers and body with the validators compiled from the contract, and
 * only then calls the operation's handler. Every answer — success, refusal or crash — carries the
 * error envelope where it is an error, `Cache-Control: no-store`, and never a stack trace.
 */
import { Hono } from 'hono';
import type { Authenticate, Principal } from '../domain/principal';
import type { Logger } from '../logger';
import { ApiError, errorEnvelope, type ErrorBody } from './api-error';
import { describeValidationError, type Contract, type ContractOperation } from './contract';
import type { RateLimiting } from './rate-limit';
import { readJsonBody } from './read-body';

/** What a handler receives: everything already checked against the contract. */
export interface OperationRequest {
  /** Decoded path parameters. */
  params: Record<string, string>;
  query: Record<string, string>;
  headers: Headers;
  /** The parsed JSON body (validated against the operation's schema), or undefined. */
  body: unknown;
  principal: Principal;
  requestId: string;
  raw: Request;
}

export type OperationHandler = (request: OperationRequest) => Promise<Response>;

export interface ContractRouterOptions {
  contract: Contract;
  handlers: Record<string, OperationHandler>;
  authenticate: Authenticate;
  logger: Logger;
  /** Where the contract is served (default `/api`). */
  basePath?: string;
  /** Also check every response against its documented schema (tests); a mismatch is a 500. */
  validateResponses?: boolean;
  /** Rate limits per client IP and per principal (`createRateLimiting`); none when absent. */
  rateLimiting?: RateLimiting;
}

interface CompiledRoute {
  operation: ContractOperation;
  pattern: RegExp;
  handler: OperationHandler;
}

/** Builds the Hono app that serves the contract under `basePath`. */
export function createContractRouter(options: ContractRouterOptions): Hono {
  const { contract, handlers, authenticate, logger, basePath = '/api' } = options;
  const routes: CompiledRoute[] = contract.operations.map((operation) => {
    const handler = handlers[operation.operationId];
    if (!handler) throw new Error(`No handler for the contract's ${operation.operationId}.`);
    return { operation, pattern: pathPattern(operation.path), handler };
  });
  const missing = Object.keys(handlers).filter(
    (id) => !contract.operations.some((operation) => operation.operationId === id),
  );
  if (missing.length > 0) throw new Error(`Handlers for no operation: ${missing.join(', ')}.`);

  const app = new Hono();

  app.use('*', async (c, next) => {
    await next();
    // Credentials must never sit in a shared or browser cache.
    c.res.headers.set('Cache-Control', 'no-store');
    c.res.headers.set('X-Content-Type-Options', 'nosniff');
  });

  app.onError((error, c) => {
    if (error instanceof ApiError) return errorResponse(error.status, error.body, error.headers);
    const requestId = c.res.headers.get('X-Request-Id') ?? undefined;
    logger.error('Unhandled error while serving a request', { requestId, error });
    return errorResponse(500, {
      code: 'server_error',
      message: 'Something went wrong on our side.',
      retryable: false,
    });
  });

  app.all(`${basePath}/*`, async (c) => {
    const request = c.req.raw;
    const requestId = requestIdOf(request);
    // The raw (still percent-encoded) path, so that each parameter is decoded exactly once.
    const pathname = new URL(request.url).pathname.slice(basePath.length);
    const method = request.method.toLowerCase();

    const candidates = routes
      .map((route) => ({ route, match: route.pattern.exec(pathname) }))
      .filter((candidate) => candidate.match !== null);
    const chosen = candidates.find(({ route }) => route.operation.method === method);
    if (!chosen) {
      if (candidates.length > 0) {
        throw new ApiError(405, {
          code: 'method_not_allowed',
          message: `${request.method} is not allowed here.`,
          retryable: false,
        });
      }
      throw new ApiError(404, {
        code: 'not_found',
        message: 'There is nothing at this address.',
        retryable: false,
      });
    }
    const { route, match } = chosen;
    const { operation } = route;

    // ── Rate limit per client IP (http/rate-limit.ts), before any other work on the request:
    // anonymous and malformed floods are refused before validation or authentication run.
    await options.rateLimiting?.checkClient(operation, request, c.env);

    const params = decodeParams(operation.pathParameters, match ?? []);
    if (operation.validatePath && !operation.validatePath(params)) {
      throw badInput(describeValidationError(operation.validatePath, 'The path'));
    }
    const query = Object.fromEntries(new URL(request.url).searchParams);
    if (operation.validateQuery && !operation.validateQuery(query)) {
      throw badInput(describeValidationError(operation.validateQuery, 'The query'));
    }
    for (const header of operation.headers) {
      const value = request.headers.get(header.name);
      if (value === null) {
        // A missing If-Match is the contract's 428, which the domain answers with its reason.
        if (header.required && header.name !== 'if-match') {
          throw badInput(`The ${header.name} header is required.`);
        }
        continue;
      }
      if (!header.validate(value)) throw badInput(`The ${header.name} header is not valid.`);
    }

    const principal = await authenticate(request);
    if (principal === null) {
      throw new ApiError(401, {
        code: 'unauthorized',
        message: 'Sign in again to manage data sources.',
        retryable: false,
      });
    }

    // ── Rate limit per principal (http/rate-limit.ts), before the body is read.
    await options.rateLimiting?.checkPrincipal(operation, principal);

    let body: unknown;
    if (operation.body) {
      body = await readJsonBody(request);
      if (body === undefined && operation.body.required) {
        throw badInput('The request needs a JSON body.');
      }
      if (body !== undefined && !operation.body.validate(body)) {
        throw badInput(describeValidationError(operation.body.validate, 'The body'));
      }
    }

    const response = await route.handler({
      params,
      query,
      headers: request.headers,
      body,
      principal,
      requestId,
      raw: request,
    });
    response.headers.set('X-Request-Id', requestId);
    if (options.validateResponses) await checkResponse(operation, response, logger);
    return response;
  });

  return app;
}

/** A JSON response in the contract's error envelope. */
export function errorResponse(
  status: number,
  body: ErrorBody,
  headers: Record<string, string> = {},
): Response {
  return Response.json(errorEnvelope(body), {
    status,
    headers: { 'Cache-Control': 'no-store', ...headers },
  });
}

function badInput(message: string): ApiError {
  return new ApiError(400, { code: 'bad_request', message, retryable: false });
}

/** `/credentials/{credentialId}` → a pattern whose groups are the raw (still encoded) segments. */
function pathPattern(path: string): RegExp {
  const source = path
    .split('/')
    .map((segment) =>
      /^\{.+\}$/.test(segment) ? '([^/]+)' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('/');
  return new RegExp(`^${source}/?$`);
}

/**
 * Decodes each path parameter on its own. Broken percent-encoding is the caller's mistake, a 400
 * in the envelope — never an exception escaping to a stack trace.
 */
function decodeParams(names: string[], match: RegExpExecArray | never[]): Record<string, string> {
  const params: Record<string, string> = {};
  names.forEach((name, index) => {
    const raw = match[index + 1] ?? '';
    try {
      params[name] = decodeURIComponent(raw);
    } catch {
      throw badInput(`The ${name} in the address is not validly encoded.`);
    }
  });
  return params;
}

const REQUEST_ID = /^[\w.-]{1,64}$/;

function requestIdOf(request: Request): string {
  const given = request.headers.get('x-request-id');
  return given !== null && REQUEST_ID.test(given) ? given : crypto.randomUUID();
}

async function checkResponse(
  operation: ContractOperation,
  response: Response,
  logger: Logger,
): Promise<void> {
  const documented = operation.responses.has(response.status);
  const validate = operation.responses.get(response.status) ?? null;
  let problem: string | null = documented
    ? null
    : `${operation.operationId} answered ${response.status}, which the contract does not document.`;
  if (!problem && validate) {
    const body: unknown = await response.clone().json();
    if (!validate(body)) {
      problem = `${operation.operationId} ${response.status}: ${describeValidationError(validate, 'the response')}`;
    }
  }
  if (problem) {
    logger.error('Response outside the contract', { problem });
    throw new Error(problem);
  }
}
