import type { Provider } from '../credentials/backend';
import type { Messages } from '../i18n/messages';

/** What a node or panel shows as a provider's name, and whether it is only a placeholder. */
export interface ResolvedProviderName {
  name: string;
  /** `true` when `name` is the generic placeholder: a view may show a skeleton instead. */
  placeholder: boolean;
}

/**
 * The name a node or panel shows: the catalog's; else the name the node last saw (`knownName`),
 * while the catalog is loading or cannot be loaded; else a placeholder. "Unknown provider" is
 * said only when the catalog loaded and lacks the provider — an outage must not look like a
 * deleted provider.
 */
export function resolveProviderName(
  input: {
    provider: Provider | null | undefined;
    /** The catalog query's status. */
    status: 'pending' | 'error' | 'success';
    providerId: string;
    knownName?: string;
  },
  messages: Messages,
): ResolvedProviderName {
  if (input.provider) return { name: input.provider.name, placeholder: false };
  if (input.status === 'success') {
    return {
      name: messages.canvas.unknownProviderName({ id: input.providerId }),
      placeholder: false,
    };
  }
  const known = input.knownName?.trim();
  if (known) return { name: known, placeholder: false };
  return { name: messages.canvas.dataSource, placeholder: true };
}
