import { zodResolver } from '@hookform/resolvers/zod';
import type { Resolver } from 'react-hook-form';
import type { FieldSchema } from '../credentials/backend';
import {
  buildApiKeyFormSchema,
  type ApiKeyFormSchemaOptions,
  type ApiKeyFormValues,
  type ValidationMessages,
} from './api-key-form-schema';

type Mode = ApiKeyFormSchemaOptions['mode'];

/*
 * One resolver per (fields, catalog, mode), built once and kept while its fields are: building
 * the schema and its resolver is part of what a dialog's first render would otherwise pay on
 * every open. The provider query keeps its `apiKeyFields` array by identity across refetches
 * (structural sharing), so the key is stable; weak maps let a dropped catalog or schema go.
 */
const cache = new WeakMap<
  FieldSchema[],
  WeakMap<ValidationMessages, Map<Mode, Resolver<ApiKeyFormValues>>>
>();

/**
 * The react-hook-form resolver of the API key form for these fields, the active catalog's
 * words and the mode, from the cache when it was built before (say, while the dialog's opener
 * was hovered).
 */
export function apiKeyFormResolver(
  fields: FieldSchema[],
  messages: ValidationMessages,
  mode: Mode,
): Resolver<ApiKeyFormValues> {
  let byMessages = cache.get(fields);
  if (!byMessages) cache.set(fields, (byMessages = new WeakMap()));
  let byMode = byMessages.get(messages);
  if (!byMode) byMessages.set(messages, (byMode = new Map()));
  let resolver = byMode.get(mode);
  if (!resolver) {
    resolver = zodResolver(buildApiKeyFormSchema(fields, messages, { mode }));
    byMode.set(mode, resolver);
  }
  return resolver;
}
