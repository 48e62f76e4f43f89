import type { Authenticate } from '../domain/principal';

/** The cookie a development browser may set to act as a tenant of its own. */
export const DEV_TENANT_COOKIE = 'pc-dev-tenant';

const TENANT = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Development only: one local user, in the tenant a `pc-dev-tenant` cookie names (else the local
 * tenant). End-to-end journeys on the full stack each take a fresh tenant this way, so they start
 * from an empty backend without wiping anyone's data — the mock's "Reset demo" has no server
 * equivalent. A production server passes its own `authenticate`.
 */
export const developmentPrincipal: Authenticate = (request) => {
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    const value = rest.join('=');
    if (name === DEV_TENANT_COOKIE && TENANT.test(value)) {
      return { tenantId: `dev-${value}`, userId: 'local' };
    }
  }
  return { tenantId: 'local', userId: 'local' };
};
