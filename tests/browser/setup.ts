import '@xyflow/react/dist/style.css';
import 'pipeline-connect/styles.css';
import { afterEach, expect } from 'vitest';
// The shared worker is the browser tests' own infrastructure, not part of the package.
import { takeUnhandledRequests } from '../../mocks/shared-worker';

afterEach(() => {
  // Mock backend state lives in memory per test; the library itself must leave no web storage.
  window.localStorage.clear();
  window.sessionStorage.clear();
  // A request no handler answered was failed by MSW (onUnhandledRequest: 'error'); the test
  // fails too, even when the UI made nothing of it.
  expect(takeUnhandledRequests(), 'requests the mock backend does not handle').toEqual([]);
});
