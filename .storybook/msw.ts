import type { Loader, Preview } from '@storybook/react-vite';
// The shared worker is the stories' and browser tests' infrastructure, not part of the package.
import {
  resetMockBackend,
  takeUnhandledRequests,
  type MockBackendOptions,
} from '../mocks/shared-worker';

/**
 * Every story gets a fresh in-memory mock backend. A story picks its data and behaviour with
 * `parameters.backend: { scenario?, seed?, handlers?, prepare? }`.
 */
export const mockBackendLoader: Loader = async ({ parameters }) => {
  const store = await resetMockBackend((parameters.backend ?? {}) as MockBackendOptions);
  return { store };
};

/**
 * After each story's play function: a request no handler answered was failed by MSW (the
 * worker's `onUnhandledRequest: 'error'`), and fails the story too, as in the browser tests.
 */
export const failOnUnhandledRequests: NonNullable<Preview['afterEach']> = () => {
  const unhandled = takeUnhandledRequests();
  if (unhandled.length > 0) {
    throw new Error(`Requests the mock backend does not handle:\n${unhandled.join('\n')}`);
  }
};
