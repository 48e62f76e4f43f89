import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { credentialsQueryOptions, useCredentialsBackend, type Credential } from 'pipeline-connect';

/** Renders `children` with a credential of the mock backend (read through the real query). */
export function WithCredential({
  id,
  children,
}: {
  id: string;
  children: (credential: Credential) => ReactNode;
}) {
  const backend = useCredentialsBackend();
  const credentials = useQuery(credentialsQueryOptions(backend));
  const credential = credentials.data?.find((c) => c.id === id);
  return credential ? children(credential) : null;
}
