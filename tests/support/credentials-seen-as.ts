import type { Credential } from 'pipeline-connect';
import type { MockStore } from 'pipeline-connect/mocks';
import { mockHttp } from '../../mocks/mock-http';

/**
 * A `GET /credentials` handler that answers from the mock store as it is, with each credential
 * passed through `seen` first: how a test shows a state the mock cannot reach by itself (a key
 * the provider started refusing, a grant renewed elsewhere). `store` is read at request time,
 * since the store is created after the handlers.
 */
export function credentialsSeenAs(
  store: () => MockStore | undefined,
  seen: (credential: Credential) => Credential,
) {
  return mockHttp.get('/credentials', ({ query, response }) =>
    response(200).json({
      credentials: (
        store()?.listCredentials({ providerId: query.get('providerId') ?? undefined }) ?? []
      ).map(seen),
    }),
  );
}
