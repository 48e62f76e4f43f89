import { delay, http, type HttpHandler } from 'msw';
import { createHandlers, createRequestGuards, errorResponse } from './handlers';
import type { MockStore } from './store';
import type { SeedName } from './store/seeds';

/** The named behaviours of the mock backend (demo `?scenario=`, stories, tests). */
export const scenarioNames = [
  'slow',
  'empty',
  'mixed',
  'server-errors',
  'outage',
  'rate-limited',
] as const;

/** One of {@link scenarioNames}. */
export type ScenarioName = (typeof scenarioNames)[number];

/** Whether `value` names a scenario. */
export function isScenarioName(value: string): value is ScenarioName {
  return (scenarioNames as readonly string[]).includes(value);
}

/** Options of {@link handlersForScenario}. */
export interface ScenarioHandlersOptions {
  store: MockStore;
  /** Where the contract is mounted (default `/api`). */
  baseUrl?: string;
  /** Latency of every response (the `slow` scenario adds its own on top). */
  latencyMs?: number;
  /** The `slow` scenario's delay (default 1500 ms). */
  slowLatencyMs?: number;
  /** The app's origin, which the OAuth redirect URI is built from (see `CreateHandlersOptions`). */
  appOrigin?: string;
}

/** The seed a scenario starts from, for the scenarios that are about data. */
const scenarioSeeds: Partial<Record<ScenarioName, SeedName>> = { empty: 'empty', mixed: 'mixed' };

const MUTATING_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Handlers for a scenario: its overrides first, then the happy path. Overrides that only wait
 * return nothing, so MSW goes on to the next handler. A data scenario (`empty`, `mixed`) seeds
 * the store, but only when it did not already start from that seed, so a reload keeps the
 * user's changes. Without a name, the happy path alone.
 */
export function handlersForScenario(
  name: ScenarioName | undefined,
  options: ScenarioHandlersOptions,
): HttpHandler[] {
  const { store, baseUrl = '/api', latencyMs, slowLatencyMs = 1500, appOrigin } = options;
  const everything = `${baseUrl}/*`;
  const seed = name && scenarioSeeds[name];
  if (seed) store.ensureSeed(seed);

  const overrides: HttpHandler[] = [];
  switch (name) {
    case 'slow':
      overrides.push(
        http.all(everything, async () => {
          await delay(slowLatencyMs);
        }),
      );
      break;
    case 'server-errors':
      // Reads work, so the UI loads and a failed save can be seen (and retried).
      overrides.push(
        http.all(everything, ({ request }) =>
          MUTATING_METHODS.has(request.method) ? unavailable() : undefined,
        ),
      );
      break;
    case 'outage':
      // Nothing answers but 503: the catalog and the credentials cannot load either.
      overrides.push(http.all(everything, () => unavailable()));
      break;
    case 'rate-limited':
      overrides.push(
        http.all(everything, ({ request }) => {
          if (!MUTATING_METHODS.has(request.method)) return undefined;
          return errorResponse(
            429,
            {
              code: 'rate_limited',
              message: 'Too many changes. Try again in 30 seconds.',
              retryable: true,
            },
            { 'Retry-After': '30' },
          );
        }),
      );
      break;
    default:
      break;
  }
  // The request guards go first: a malformed path must not reach an override's routing either.
  return [
    ...createRequestGuards(baseUrl),
    ...overrides,
    ...createHandlers({ store, baseUrl, latencyMs, appOrigin }),
  ];
}

/** What a service that is down answers (503, retryable). */
function unavailable() {
  return errorResponse(503, {
    code: 'server_error',
    message: 'The credentials service is temporarily unavailable.',
    retryable: true,
  });
}
