import type { FieldSchema, Provider } from './backend';

/**
 * The provider with its words in `locale` where the catalog carries them (`localized`), the
 * plain words otherwise. Field values and ids never change, only what people read.
 */
export function localizeProvider(provider: Provider, locale: string): Provider {
  const words = provider.localized?.[locale];
  if (!words) return provider;
  const field = (schema: FieldSchema): FieldSchema => {
    const own = words.fields?.[schema.name];
    return own ? { ...schema, ...defined(own) } : schema;
  };
  return {
    ...provider,
    name: words.name ?? provider.name,
    description: words.description ?? provider.description,
    apiKeyFields: provider.apiKeyFields.map(field),
    oauth: provider.oauth
      ? {
          ...provider.oauth,
          clientFields: provider.oauth.clientFields.map(field),
          requiredScopes: provider.oauth.requiredScopes.map((needed) => ({
            ...needed,
            purpose: words.scopePurposes?.[needed.scope] ?? needed.purpose,
          })),
        }
      : null,
  };
}

function defined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
