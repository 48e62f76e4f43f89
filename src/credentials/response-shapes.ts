/*
 * Structural guards for what each operation returns: the fields the UI reads, with their JSON
 * types (and the enums it branches on). Deliberately small: they catch a backend that answers
 * something else (`{}` for a list, a proxy's JSON error page), not every constraint of the
 * contract.
 */
/** A structural check of one JSON value. */
export type Check = (value: unknown) => boolean;
const string: Check = (value) => typeof value === 'string';
const boolean: Check = (value) => typeof value === 'boolean';
const integer: Check = (value) => Number.isInteger(value);
const nullable =
  (check: Check): Check =>
  (value) =>
    value === null || check(value);
const optional =
  (check: Check): Check =>
  (value) =>
    value === undefined || check(value);
const oneOf =
  (...values: string[]): Check =>
  (value) =>
    values.includes(value as string);
const arrayOf =
  (check: Check): Check =>
  (value) =>
    Array.isArray(value) && value.every(check);
const recordOf =
  (check: Check): Check =>
  (value) =>
    isRecord(value) && Object.values(value).every(check);
const shape =
  (fields: Record<string, Check>): Check =>
  (value) =>
    isRecord(value) && Object.entries(fields).every(([name, check]) => check(value[name]));

const isField = shape({ name: string, type: string, label: string, required: boolean });
const isProvider = shape({
  id: string,
  name: string,
  methods: arrayOf(string),
  apiKeyFields: arrayOf(isField),
  oauth: nullable(
    shape({
      scopes: arrayOf(string),
      hasPlatformClient: boolean,
      clientMode: string,
      clientFields: arrayOf(isField),
      developerConsoleUrl: optional(string),
    }),
  ),
  localized: optional(recordOf((value) => isRecord(value))),
});
/** `{ providers: Provider[] }`. */
export const isProviderList = shape({ providers: arrayOf(isProvider) });
/** A credential as the contract lists it. */
export const isCredential = shape({
  id: string,
  providerId: string,
  name: string,
  method: oneOf('api_key', 'oauth2'),
  status: string,
  account: nullable(string),
  values: recordOf((value) => string(value) || boolean(value)),
  isDefault: boolean,
  version: integer,
  createdAt: string,
  updatedAt: string,
  expiresAt: nullable(string),
  lastVerifiedAt: nullable(string),
  lastRefreshAt: nullable(string),
  lastError: nullable(shape({ code: string, message: string, at: nullable(string) })),
});
/** `{ credentials: Credential[] }`. */
export const isCredentialList = shape({ credentials: arrayOf(isCredential) });
/** A verdict on API key values. */
export const isVerificationReport = shape({
  outcome: oneOf('accepted', 'refused', 'unreachable', 'rate_limited', 'not_verifiable'),
  message: string,
  fieldErrors: recordOf(string),
  retryAfterSeconds: nullable(integer),
  checkedAt: string,
});
/** A test of a stored credential. */
export const isCredentialVerification = shape({
  report: isVerificationReport,
  credential: isCredential,
});
/** A provider's OAuth client settings (secret masked). */
export const isOAuthClientSettings = shape({
  providerId: string,
  mode: oneOf('default', 'custom'),
  hasPlatformClient: boolean,
  custom: nullable(shape({ clientId: string, clientSecret: string, extra: recordOf(string) })),
  redirectUri: string,
});
/** A started flow. */
export const isOAuthFlowStart = shape({
  flowId: string,
  authorizationUrl: string,
  expiresAt: string,
});
/** A flow's status. */
export const isOAuthFlowStatus = shape({
  flowId: string,
  providerId: string,
  status: oneOf('pending', 'succeeded', 'failed', 'expired'),
  credentialId: nullable(string),
  // Optional: a backend from before `outcome` leaves it out (the flow machine then infers it).
  outcome: optional(nullable(oneOf('created', 'reauthorized', 'reconnected'))),
  error: nullable(shape({ code: string, message: string })),
});

/** A plain JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
