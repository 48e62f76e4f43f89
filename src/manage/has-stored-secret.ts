import { SECRET_MASK, type Credential } from '../credentials/backend';

/**
 * Whether a credential holds a secret. The backend never sends one back: a stored secret comes
 * as {@link SECRET_MASK}, an optional one left empty (Jina Reader without a key) as `''`, so
 * the mask is the only sign that there is a key behind it.
 */
export function hasStoredSecret(credential: Credential): boolean {
  return Object.values(credential.values).some((value) => value === SECRET_MASK);
}
