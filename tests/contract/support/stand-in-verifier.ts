import { noVerification, type ApiKeyVerifier } from '../../../server/src/domain/verification';

/** The verifier the server target uses (wired to the stand-in provider APIs). */
export function createStandInVerifier(): ApiKeyVerifier {
  return noVerification;
}
