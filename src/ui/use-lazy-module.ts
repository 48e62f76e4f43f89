import { useEffect, useSyncExternalStore } from 'react';
import type { LazyModule, LazyModuleState } from './lazy-module';

/**
 * Where `chunk` stands, for a component that shows UI from it. Mounting preloads the chunk when
 * the browser is idle, so that it is there before the click that needs it.
 */
export function useLazyModule<T>(chunk: LazyModule<T>): LazyModuleState<T> {
  const state = useSyncExternalStore(chunk.subscribe, chunk.getState, chunk.getState);
  useEffect(() => chunk.preloadWhenIdle(), [chunk]);
  return state;
}
