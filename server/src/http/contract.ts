/**
 * The contract, read once at boot: `contract/openapi.yaml` parsed, its operations listed, and Ajv
 * (JSON Schema 2020-12, the dialect of OpenAPI 3.1) validators compiled from its own schemas. No
 * second schema is written in code: a change to the contract changes what the server accepts.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** Where the contract lives: the repository's single source of truth. */
export const CONTRACT_PATH = fileURLToPath(
  new URL('../../../contract/openapi.yaml', import.meta.url),
);

type Json = Record<string, unknown>;

/** One operation of the contract, with what the router needs to serve it. */
export interface ContractOperation {
  operationId: string;
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** The contract's path, e.g. `/credentials/{credentialId}`. */
  path: string;
  /** Path parameter names in order. */
  pathParameters: string[];
  /** Validates the decoded path parameters (an object of strings). */
  validatePath: ValidateFunction | null;
  /** Validates the query parameters (an object of strings). */
  validateQuery: ValidateFunction | null;
  /** Header parameters by lower-case name. */
  headers: { name: string; required: boolean; validate: ValidateFunction }[];
  /** The JSON request body's validator, when the operation takes one. */
  body: { required: boolean; validate: ValidateFunction } | null;
  /** Response validators by status (used in tests: every answer matches its documented schema). */
  responses: Map<number, ValidateFunction | null>;
}

export interface Contract {
  operations: ContractOperation[];
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const SCHEMA_ID = 'contract';

/** Reads and compiles the contract. Throws (boot refused) when it cannot be compiled. */
export function loadContract(path: string = CONTRACT_PATH): Contract {
  const document = parse(readFileSync(path, 'utf8')) as Json;
  const components = (document.components ?? {}) as Json;
  // Union types (`[string, null]`) are how OpenAPI 3.1 says "nullable".
  const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, coerceTypes: false });
  // ajv-formats is CommonJS with a default export; under ESM interop it may arrive wrapped.
  const addFormats =
    (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
    addFormatsModule;
  addFormats(ajv);
  // OpenAPI annotations that are not JSON Schema keywords.
  ajv.addKeyword({ keyword: 'example' });
  ajv.addSchema({ $id: SCHEMA_ID, $defs: rewriteRefs(components.schemas ?? {}) });

  const compile = (schema: unknown) => ajv.compile(rewriteRefs(schema) as Json);
  const resolve = (node: unknown): Json => {
    const ref = (node as Json).$ref;
    if (typeof ref !== 'string') return node as Json;
    const [, section, name] = /^#\/components\/([^/]+)\/(.+)$/.exec(ref) ?? [];
    const target = section && name ? (components[section] as Json | undefined)?.[name] : undefined;
    if (target === undefined) throw new Error(`The contract refers to a missing ${ref}.`);
    return resolve(target);
  };

  const operations: ContractOperation[] = [];
  for (const [path, item] of Object.entries((document.paths ?? {}) as Record<string, Json>)) {
    const shared = ((item.parameters ?? []) as unknown[]).map(resolve);
    for (const method of METHODS) {
      const operation = item[method] as Json | undefined;
      if (!operation) continue;
      const parameters = [...shared, ...((operation.parameters ?? []) as unknown[]).map(resolve)];
      const byPlace = (place: string) => parameters.filter((p) => p.in === place);
      const objectOf = (list: Json[]) =>
        list.length === 0
          ? null
          : compile({
              type: 'object',
              properties: Object.fromEntries(list.map((p) => [p.name, p.schema])),
              required: list.filter((p) => p.required === true).map((p) => p.name),
            });

      const requestBody = operation.requestBody ? resolve(operation.requestBody) : null;
      const bodySchema = (requestBody?.content as Json | undefined)?.['application/json'] as
        Json | undefined;

      const responses = new Map<number, ValidateFunction | null>();
      for (const [status, response] of Object.entries((operation.responses ?? {}) as Json)) {
        const resolved = resolve(response);
        const schema = (
          (resolved.content as Json | undefined)?.['application/json'] as Json | undefined
        )?.schema;
        responses.set(Number(status), schema === undefined ? null : compile(schema));
      }

      operations.push({
        operationId: String(operation.operationId),
        method,
        path,
        pathParameters: byPlace('path').map((p) => String(p.name)),
        validatePath: objectOf(byPlace('path')),
        validateQuery: objectOf(byPlace('query')),
        headers: byPlace('header').map((p) => ({
          name: String(p.name).toLowerCase(),
          required: p.required === true,
          validate: compile(p.schema),
        })),
        body: bodySchema
          ? { required: requestBody?.required === true, validate: compile(bodySchema.schema) }
          : null,
        responses,
      });
    }
  }
  return { operations };
}

/** `#/components/schemas/X` → `contract#/$defs/X`, the id the component schemas are added under. */
function rewriteRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewriteRefs);
  if (typeof node !== 'object' || node === null) return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [
      key,
      key === '$ref' && typeof value === 'string'
        ? value.replace(/^#\/components\/schemas\//, `${SCHEMA_ID}#/$defs/`)
        : rewriteRefs(value),
    ]),
  );
}

/** A short, safe description of the first validation problem (never echoes the value). */
export function describeValidationError(validate: ValidateFunction, what: string): string {
  const error = validate.errors?.[0];
  if (!error) return `${what} is not valid.`;
  const where = error.instancePath ? `${what}${error.instancePath.replaceAll('/', '.')}` : what;
  return `${where} ${error.message ?? 'is not valid'}.`;
}
