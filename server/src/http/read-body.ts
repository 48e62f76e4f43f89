import { ApiError } from './api-error';

/** The largest request body accepted (DESIGN.md §7). */
export const MAX_BODY_BYTES = 64 * 1024;

const tooLarge = () =>
  new ApiError(413, {
    code: 'payload_too_large',
    message: 'The request is too large (at most 64 KB).',
    retryable: false,
  });

const unsupportedMediaType = () =>
  new ApiError(415, {
    code: 'unsupported_media_type',
    message: 'Send the request body as application/json.',
    retryable: false,
  });

/**
 * Reads a JSON request body under the hardening rules, before anything costly happens: a declared
 * or streamed size over 64 KB is a 413 (the stream is abandoned, not buffered), a body with any
 * media type but `application/json` is a 415 (so no cross-site form can post here), and text that
 * does not parse is a 400. An absent body reads as `undefined`.
 */
export async function readJsonBody(request: Request): Promise<unknown> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > MAX_BODY_BYTES) throw tooLarge();

  const bytes = await readLimited(request);
  if (bytes.length === 0) return undefined;

  const mediaType = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') throw unsupportedMediaType();

  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ApiError(400, {
      code: 'bad_request',
      message: 'The request body is not valid UTF-8.',
      retryable: false,
    });
  }
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError(400, {
      code: 'bad_request',
      message: 'The request body is not valid JSON.',
      retryable: false,
    });
  }
}

async function readLimited(request: Request): Promise<Uint8Array> {
  if (request.body === null) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
