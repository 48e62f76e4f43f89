import type { Loader } from '@storybook/react-vite';
import { resetMockBackend, type MockBackendOptions } from '../mocks/shared-worker';

/**
 * Every story gets a fresh in-memory mock backend. A story picks its data and behaviour with
 * `parameters.backend: { scenario?, seed?, handlers?, prepare? }`.
 */
export const mockBackendLoader: Loader = async ({ parameters }) => {
  const store = await resetMockBackend((parameters.backend ?? {}) as MockBackendOptions);
  return { store };
};
