import { createContext, useContext, type ReactNode } from 'react';
import type { CredentialsBackend } from './backend';

const CredentialsBackendContext = createContext<CredentialsBackend | null>(null);

/** Props of {@link CredentialsBackendProvider}. */
export interface CredentialsBackendProviderProps {
  backend: CredentialsBackend;
  children?: ReactNode;
}

/** Makes a {@link CredentialsBackend} available to every Pipeline Connect component below it. */
export function CredentialsBackendProvider({ backend, children }: CredentialsBackendProviderProps) {
  return (
    <CredentialsBackendContext.Provider value={backend}>
      {children}
    </CredentialsBackendContext.Provider>
  );
}

/** The backend of the nearest provider; throws a clear error outside one. */
export function useCredentialsBackend(): CredentialsBackend {
  const backend = useContext(CredentialsBackendContext);
  if (!backend) {
    throw new Error(
      'useCredentialsBackend must be used inside <PipelineConnectProvider> or <CredentialsBackendProvider>: ' +
        'wrap your editor in one and pass it a backend (e.g. createHttpCredentialsBackend({ baseUrl })).',
    );
  }
  return backend;
}
