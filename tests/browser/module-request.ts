import { http, HttpResponse, passthrough } from 'msw';

/**
 * An MSW handler for the request of a module the page loads on demand (the service worker sees
 * module requests too), matched by its path on the dev server: it fails them (`fail`, as a lost
 * network does), holds them (`hold`) until `release`, or lets them through. `requested` says
 * whether the page has asked for the module yet.
 */
export function moduleRequest(path: RegExp, initially: 'fail' | 'hold' | 'pass' = 'pass') {
  let mode = initially;
  let requests = 0;
  let release = () => {};
  let released = Promise.resolve();
  const hold = () => {
    mode = 'hold';
    released = new Promise<void>((resolve) => {
      release = resolve;
    });
  };
  if (initially === 'hold') hold();
  return {
    handler: http.get(path, async () => {
      requests += 1;
      if (mode === 'fail') return HttpResponse.error();
      if (mode === 'hold') await released;
      return passthrough();
    }),
    requested: () => requests > 0,
    hold,
    fail: () => {
      mode = 'fail';
    },
    release: () => {
      mode = 'pass';
      release();
    },
  };
}
