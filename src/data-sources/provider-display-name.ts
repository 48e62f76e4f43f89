import type { Provider } from '../credentials/backend';
import type { Messages } from '../i18n/messages';

/** The name a node or panel shows: the provider's, a placeholder while loading, or the id of a provider the catalog lost. */
export function providerDisplayName(
  provider: Provider | null | undefined,
  pending: boolean,
  providerId: string,
  messages: Messages,
): string {
  if (provider) return provider.name;
  return pending
    ? messages.canvas.dataSource
    : messages.canvas.unknownProviderName({ id: providerId });
}
