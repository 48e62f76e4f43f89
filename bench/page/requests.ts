import type { RequestRecord } from '../shared/bench-api';

/*
 * Counts what the library asks of its backend at the fetch boundary of the real HTTP adapter:
 * every request the credentials backend issues passes through here on its way to the server.
 */

const log: RequestRecord[] = [];
let inFlight = 0;

export function countingFetch(request: Request): Promise<Response> {
  log.push({ method: request.method, path: new URL(request.url).pathname });
  inFlight += 1;
  return fetch(request).finally(() => {
    inFlight -= 1;
  });
}

export const requestLog = (): RequestRecord[] => [...log];
export const clearRequestLog = (): void => {
  log.length = 0;
};
export const requestsInFlight = (): number => inFlight;
