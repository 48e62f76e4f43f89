/** Who a request acts for. Every query is scoped by `tenantId`; `userId` is what the audit names. */
export interface Principal {
  tenantId: string;
  userId: string;
}

/**
 * Resolves the caller of a request: a principal, or null for an anonymous caller (401). A host
 * plugs its own session or token check in here; throwing an `ApiError` answers with it (e.g. 403).
 */
export type Authenticate = (request: Request) => Principal | null | Promise<Principal | null>;

/** The development default: everyone is the one local user of one local tenant. */
export const localPrincipal: Authenticate = () => ({ tenantId: 'local', userId: 'local' });
