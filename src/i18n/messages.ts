import type { en } from './en';

/** The shape of a complete message catalog. */
export type Messages = typeof en;

/** A partial catalog: any subset of messages, deeply. Used for locales and host overrides. */
export type MessageOverrides = {
  [K in keyof Messages]?: DeepPartial<Messages[K]>;
};

/** `T` with every property optional, all the way down; functions are kept whole. */
export type DeepPartial<T> = T extends (...args: never[]) => unknown
  ? T
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

/** Merges overrides over a base catalog (functions and strings replace, objects merge). */
export function mergeMessages(
  base: Messages,
  ...layers: (MessageOverrides | undefined)[]
): Messages {
  let result: Record<string, unknown> = base;
  for (const layer of layers) if (layer) result = deepMerge(result, layer);
  return result as Messages;
}

function deepMerge(base: Record<string, unknown>, layer: object): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(layer)) {
    const current = out[key];
    out[key] =
      value && typeof value === 'object' && current && typeof current === 'object'
        ? deepMerge(current as Record<string, unknown>, value)
        : value;
  }
  return out;
}
