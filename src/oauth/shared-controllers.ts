import type { CredentialsBackend } from '../credentials/backend';
import { createOAuthFlowController } from './oauth-flow-controller';
import type { OAuthFlowController } from './oauth-flow-types';

const sharedControllers = new WeakMap<CredentialsBackend, Map<string, OAuthFlowController>>();

/**
 * The one controller per backend and provider, so every part of the UI (side panel, Settings,
 * a re-authorize action) shares the provider's single flow: a second start focuses the first
 * flow's window rather than opening another.
 */
export function getSharedOAuthFlowController(
  backend: CredentialsBackend,
  providerId: string,
): OAuthFlowController {
  let byProvider = sharedControllers.get(backend);
  if (!byProvider) {
    byProvider = new Map();
    sharedControllers.set(backend, byProvider);
  }
  let controller = byProvider.get(providerId);
  if (!controller) {
    controller = createOAuthFlowController({ backend, providerId });
    byProvider.set(providerId, controller);
  }
  return controller;
}
