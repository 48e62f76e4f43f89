import { useCallback, useRef } from 'react';

/** What {@link useIdempotencyAttempt} returns. */
export interface IdempotencyAttempt {
  /**
   * The `Idempotency-Key` for sending `input`: the key of the attempt in progress when the input
   * is the same as that attempt's (a retry after a failure or a lost response), a new one when
   * it changed. Only a digest of the input is kept, never the input (it may hold a secret).
   */
  keyFor: (input: string) => string;
  /** Ends the attempt (it succeeded, or its form closed): the next send gets a new key. */
  forget: () => void;
}

/**
 * The user's attempt at one create, across retries: a double click or a retry of the same
 * input reuses one key, so the backend makes one credential however often the request arrives.
 */
export function useIdempotencyAttempt(): IdempotencyAttempt {
  const attempt = useRef<{ key: string; digest: string } | null>(null);
  const keyFor = useCallback((input: string) => {
    const digest = digestOf(input);
    if (attempt.current?.digest !== digest) attempt.current = { key: newIdempotencyKey(), digest };
    return attempt.current.key;
  }, []);
  const forget = useCallback(() => {
    attempt.current = null;
  }, []);
  return { keyFor, forget };
}

/** A fresh idempotency key: a UUID (random bytes where `randomUUID` needs a secure context). */
function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) =>
    byte.toString(16).padStart(2, '0'),
  ).join('');
}

/**
 * A 53-bit digest (cyrb53) of an attempt's input, to tell "the same input again" from a changed
 * one without keeping the input, secret included, past the request.
 */
function digestOf(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ unit, 2654435761);
    h2 = Math.imul(h2 ^ unit, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
