import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createMockStore, MOCK_STORE_KEY } from 'pipeline-connect/mocks';
import { ConsentPage } from '../../mocks/oauth-provider/consent-page';

// The simulated provider needs no HTTP: it writes its codes straight into the store that every
// window of the origin shares (localStorage), where the mock backend's callback finds them.
const store = createMockStore({ storage: window.localStorage, key: MOCK_STORE_KEY });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConsentPage store={store} />
  </StrictMode>,
);
