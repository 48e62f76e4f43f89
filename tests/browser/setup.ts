import '@xyflow/react/dist/style.css';
import '../../src/styles.css';
import { afterEach } from 'vitest';

afterEach(() => {
  // Mock backend state lives in memory per test; the library itself must leave no web storage.
  window.localStorage.clear();
  window.sessionStorage.clear();
});
