/**
 * The stand-in authorization server's storage: in memory, one store per simulated provider, and
 * the `Client` model answered from the clients registered with it (the platform's and the custom
 * ones a user registers through the dev stack) rather than from oidc-provider's static list, so a
 * client can be registered while the server runs.
 *
 * oidc-provider's own memory adapter is not used: it prints a warning on every start, caps its
 * store at 1,000 entries and is not part of the package's exports.
 */
import type { Adapter, AdapterPayload, ClientMetadata } from 'oidc-provider';

/** The models whose instances belong to a grant and die with it (revocation, code replay). */
const grantBound = new Set([
  'AccessToken',
  'AuthorizationCode',
  'RefreshToken',
  'DeviceCode',
  'BackchannelAuthenticationRequest',
]);

/** Expired entries are swept every this many writes (nothing else ever removes them). */
const SWEEP_EVERY_WRITES = 256;

interface Entry {
  payload: AdapterPayload;
  /** Epoch milliseconds, or `Infinity`. */
  expiresAt: number;
}

/** What the adapter factory reads registered clients from. */
export interface StandInClientDirectory {
  /** The metadata of a registered client, or `undefined`. */
  find(clientId: string): ClientMetadata | undefined;
}

/** A live grant: an account's consent to a client, and every token issued under it. */
export interface StandInGrant {
  grantId: string;
  accountId: string;
  clientId: string;
}

/** One provider's storage: oidc-provider's `adapter` factory, and its grants for the account page. */
export interface StandInStorage {
  adapter: (model: string) => Adapter;
  /** The live grants of an account. */
  grantsOf(accountId: string): StandInGrant[];
  /** Ends a grant and every token of it, as the provider's "remove access" does. */
  removeGrant(grantId: string): void;
}

/**
 * Creates the storage of one `Provider`. Models other than `Client` live in a private store;
 * expiry is read from `Date.now()` because that is the clock oidc-provider itself uses for every
 * token it checks.
 */
export function createStandInStorage(clients: StandInClientDirectory): StandInStorage {
  const entries = new Map<string, Entry>();
  const grantMembers = new Map<string, Set<string>>();
  const sessionsByUid = new Map<string, string>();
  const byUserCode = new Map<string, string>();
  let writes = 0;

  const live = (key: string): AdapterPayload | undefined => {
    const entry = entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      remove(key);
      return undefined;
    }
    return entry.payload;
  };

  function remove(key: string): void {
    const entry = entries.get(key);
    entries.delete(key);
    const grantId = entry?.payload.grantId;
    if (grantId) grantMembers.get(grantId)?.delete(key);
  }

  const sweep = () => {
    const now = Date.now();
    for (const [key, entry] of entries) if (entry.expiresAt <= now) remove(key);
    for (const [grantId, members] of grantMembers) if (!members.size) grantMembers.delete(grantId);
    for (const [uid, key] of sessionsByUid) if (!entries.has(key)) sessionsByUid.delete(uid);
    for (const [code, key] of byUserCode) if (!entries.has(key)) byUserCode.delete(code);
  };

  function revokeByGrantId(grantId: string): void {
    const members = grantMembers.get(grantId);
    grantMembers.delete(grantId);
    for (const key of members ?? []) entries.delete(key);
  }

  const adapter = (model: string): Adapter => {
    const keyOf = (id: string) => `${model}:${id}`;
    if (model === 'Client') {
      return {
        find: async (id) => clients.find(id),
        // Clients are registered through the stand-in's API, never through oidc-provider.
        upsert: async () => {},
        findByUid: async () => undefined,
        findByUserCode: async () => undefined,
        consume: async () => {},
        destroy: async () => {},
        revokeByGrantId: async () => {},
      };
    }
    return {
      async upsert(id, payload, expiresIn) {
        const key = keyOf(id);
        remove(key);
        entries.set(key, {
          payload,
          expiresAt: typeof expiresIn === 'number' ? Date.now() + expiresIn * 1000 : Infinity,
        });
        if (grantBound.has(model) && payload.grantId) {
          let members = grantMembers.get(payload.grantId);
          if (!members) grantMembers.set(payload.grantId, (members = new Set()));
          members.add(key);
        }
        if (model === 'Session' && payload.uid) sessionsByUid.set(payload.uid, key);
        if (payload.userCode) byUserCode.set(payload.userCode, key);
        writes += 1;
        if (writes % SWEEP_EVERY_WRITES === 0) sweep();
      },
      find: async (id) => live(keyOf(id)),
      async findByUid(uid) {
        const key = sessionsByUid.get(uid);
        return key ? live(key) : undefined;
      },
      async findByUserCode(userCode) {
        const key = byUserCode.get(userCode);
        return key ? live(key) : undefined;
      },
      async consume(id) {
        const payload = live(keyOf(id));
        // What makes a replayed code or a rotated refresh token recognisable (and refused).
        if (payload) payload.consumed = Math.floor(Date.now() / 1000);
      },
      destroy: async (id) => remove(keyOf(id)),
      revokeByGrantId: async (grantId) => revokeByGrantId(grantId),
    };
  };

  return {
    adapter,
    grantsOf(accountId) {
      const grants: StandInGrant[] = [];
      for (const key of [...entries.keys()]) {
        if (!key.startsWith('Grant:')) continue;
        const payload = live(key);
        if (payload?.accountId === accountId && typeof payload.clientId === 'string') {
          grants.push({
            grantId: key.slice('Grant:'.length),
            accountId,
            clientId: payload.clientId,
          });
        }
      }
      return grants;
    },
    removeGrant(grantId) {
      revokeByGrantId(grantId);
      remove(`Grant:${grantId}`);
    },
  };
}
