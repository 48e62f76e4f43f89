import type {
  CreateApiKeyInput,
  CredentialValues,
  OAuthCallbackInput,
  SaveOAuthClientInput,
  UpdateCredentialInput,
} from '../src/credentials/backend';
import { checkIdempotencyKey } from '../src/rules/idempotency';
import { checkBodySize, checkJsonMediaType } from '../src/rules/request-body';
import { badRequest, MockHttpError } from './store/http-error';

/**
 * Request bodies as the mock server checks them: a real server cannot trust a client's types,
 * so a malformed body is a 400 here, before the store's own 422 checks.
 */

/**
 * The JSON body, `{}` when there is none. Refused before it is parsed: over 64 KB (413, from
 * `Content-Length` before reading, then from what was read), sent as anything but
 * `application/json` (415), not UTF-8 or not JSON (400).
 */
export async function readJsonBody(request: Request): Promise<unknown> {
  const declared = checkBodySize(request.headers.get('Content-Length'));
  if (declared) throw new MockHttpError(413, { ...declared, retryable: false });
  const bytes = await readAtMostLimit(request);
  if (bytes.byteLength === 0) return {};
  const mediaType = checkJsonMediaType(request.headers.get('Content-Type'));
  if (mediaType) throw new MockHttpError(415, { ...mediaType, retryable: false });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw badRequest('The request body is not valid UTF-8.');
  }
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest('The request body is not valid JSON.');
  }
}

/** The body's bytes, read only up to the limit: one byte more and the read stops with a 413. */
async function readAtMostLimit(request: Request): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    size += chunk.value.byteLength;
    const tooLarge = checkBodySize(size);
    if (tooLarge) {
      // Not awaited: cancelling one branch of a teed body (MSW clones requests) settles only
      // once every branch is cancelled.
      reader.cancel().catch(() => undefined);
      throw new MockHttpError(413, { ...tooLarge, retryable: false });
    }
    chunks.push(chunk.value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** The request's `Idempotency-Key`, or null without one; 400 when it is malformed. */
export function readIdempotencyKey(request: Request): string | null {
  const key = request.headers.get('Idempotency-Key');
  if (key === null) return null;
  const problem = checkIdempotencyKey(key);
  if (problem) throw badRequest(problem.message);
  return key;
}

export function parseCreateApiKeyInput(body: unknown): CreateApiKeyInput {
  const record = object(body, 'The body');
  const input: CreateApiKeyInput = { values: values(record.values) };
  if (record.name !== undefined) input.name = string(record.name, 'name');
  return input;
}

/** `VerifyApiKeyInput`: the values to test (a name, if sent, is ignored). */
export function parseVerifyApiKeyInput(body: unknown): { values: CredentialValues } {
  return { values: values(object(body, 'The body').values) };
}

/** `VerifyCredentialInput`: a draft of the values, or nothing (test what is stored). */
export function parseVerifyCredentialInput(body: unknown): { values?: CredentialValues } {
  const record = object(body, 'The body');
  return record.values === undefined ? {} : { values: values(record.values) };
}

export function parseUpdateCredentialInput(body: unknown): UpdateCredentialInput {
  const record = object(body, 'The body');
  const input: UpdateCredentialInput = {};
  if (record.name !== undefined) input.name = string(record.name, 'name');
  if (record.values !== undefined) input.values = values(record.values);
  return input;
}

export function parseSetDefaultInput(body: unknown): { credentialId: string } {
  const record = object(body, 'The body');
  return { credentialId: string(record.credentialId, 'credentialId') };
}

export function parseSaveOAuthClientInput(body: unknown): SaveOAuthClientInput {
  const record = object(body, 'The body');
  if (record.mode !== 'default' && record.mode !== 'custom')
    throw badRequest('mode must be "default" or "custom".');
  const input: SaveOAuthClientInput = { mode: record.mode };
  if (record.clientId !== undefined) input.clientId = string(record.clientId, 'clientId');
  if (record.clientSecret !== undefined)
    input.clientSecret = string(record.clientSecret, 'clientSecret');
  if (record.extra !== undefined) {
    const extra: Record<string, string> = {};
    for (const [name, value] of Object.entries(object(record.extra, 'extra')))
      extra[name] = string(value, `extra.${name}`);
    input.extra = extra;
  }
  return input;
}

export function parseStartOAuthFlowInput(body: unknown): { credentialId?: string } {
  const record = object(body, 'The body');
  return record.credentialId === undefined
    ? {}
    : { credentialId: string(record.credentialId, 'credentialId') };
}

export function parseOAuthCallbackInput(body: unknown): OAuthCallbackInput {
  const record = object(body, 'The body');
  const input: OAuthCallbackInput = { state: string(record.state, 'state') };
  if (record.code !== undefined) input.code = string(record.code, 'code');
  if (record.error !== undefined) input.error = string(record.error, 'error');
  // The simulated provider sends no issuer; a forwarded one is accepted and not checked.
  if (record.iss !== undefined) input.iss = string(record.iss, 'iss');
  return input;
}

function object(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw badRequest(`${what} must be an object.`);
  return { ...value };
}

function string(value: unknown, name: string): string {
  if (typeof value !== 'string') throw badRequest(`${name} must be a string.`);
  return value;
}

function values(value: unknown): CredentialValues {
  const result: CredentialValues = {};
  for (const [name, item] of Object.entries(object(value, 'values'))) {
    if (typeof item !== 'string' && typeof item !== 'boolean')
      throw badRequest(`values.${name} must be text or true/false.`);
    result[name] = item;
  }
  return result;
}
