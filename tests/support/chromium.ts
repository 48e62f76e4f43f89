import { existsSync } from 'node:fs';

/**
 * Every browser test runs Debian's Chromium (no browser can be downloaded on our machines).
 * `CHROMIUM_PATH` overrides the location; a missing binary stops the run at once with the fix.
 */
export function chromiumExecutablePath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `Chromium not found at ${path}. Install Debian's package (as root: ` +
        '`apt-get update && apt-get install -y chromium`) or set CHROMIUM_PATH to a Chromium binary.',
    );
  }
  return path;
}

/** Flags that keep headless Chromium off a network it cannot reach. */
export const chromiumArgs = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-gpu',
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
];
