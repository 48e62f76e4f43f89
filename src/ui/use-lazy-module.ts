import { useEffect, useSyncExternalStore } from 'react';
import type { LazyModule, LazyModuleState } from '../on-demand/lazy-module';

/**
 * Where `chunk` stands, for a component that shows UI from it. Mounting preloads the chunk when
 * the browser is idle, so that it is there before the click that needs it.
 */
export function useLazyModule<T>(chunk: LazyModule<T>): LazyModuleState<T> {
  const state = useSyncExternalStore(chunk.subscribe, chunk.getState, chunk.getState);
  usePreloadWhenIdle(chunk);
  return state;
}

/**
 * Loads `chunk` once the browser is idle after mount, for a view that will show UI from it
 * later (on a click) without rendering anything from it now.
 */
export function usePreloadWhenIdle(chunk: LazyModule<unknown>): void {
  useEffect(() => chunk.preloadWhenIdle(), [chunk]);
}
