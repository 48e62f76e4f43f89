/**
 * The server's configuration, read once at boot from the environment and refused as a whole when
 * any part is wrong (every problem listed at once, none echoing a secret).
 */
import { isAbsolute, resolve } from 'node:path';
import { ConfigurationError } from './crypto/errors';
import { MIN_SERVICE_TOKEN_LENGTH } from './domain/token-service';

export interface ServerConfig {
  /** `production` refuses boot without encryption keys and never mounts the dev stand-ins. */
  production: boolean;
  host: string;
  port: number;
  /** Where the app is reached by browsers; the OAuth redirect URI is built from it. */
  publicOrigin: string;
  /** PostgreSQL when set; PGlite in `dataDir` otherwise. */
  databaseUrl: string | null;
  /** Holds the PGlite database and, in development, the generated encryption key. */
  dataDir: string;
  /** The built demo to serve at `/` (absent: the API alone). */
  staticDir: string | null;
  /**
   * Development: run the stand-in provider APIs and the stand-in authorization server on
   * loopback ports of their own, and verify keys and make OAuth flows against them.
   */
  devStandIns: boolean;
  /**
   * The stand-in authorization server's access-token lifetime in seconds, from
   * `PIPELINE_CONNECT_DEV_ACCESS_TOKEN_TTL` (`null`: its default, Google's hour). A short one
   * makes the background refresh run within a journey (the full-stack e2e suite uses it).
   */
  devAccessTokenTtlSeconds: number | null;
  /**
   * The platform's own OAuth clients (the **Default** choice), from
   * `PIPELINE_CONNECT_OAUTH_<PROVIDER>_CLIENT_ID` and `…_CLIENT_SECRET` (provider id upper-cased,
   * `-` as `_`, e.g. `GOOGLE_DRIVE`). In development the stand-in's clients are used instead.
   */
  platformClients: Record<string, { clientId: string; clientSecret: string }>;
  /**
   * The pipeline runner's service tokens, from `PIPELINE_CONNECT_SERVICE_TOKEN`: `tenant:token`,
   * or several separated by commas (two while one is rotated). Each token is at least 32
   * characters and reads only its tenant's credentials, through `POST /credentials/{id}/token`.
   */
  serviceTokens: { tenantId: string; token: string }[];
}

/** Providers whose catalog entry offers a platform client. */
const PLATFORM_PROVIDERS = ['notion', 'google-drive'] as const;

type Env = Readonly<Record<string, string | undefined>>;

/** Reads the configuration; throws a ConfigurationError naming every problem. */
export function readConfig(env: Env, cwd: string = process.cwd()): ServerConfig {
  const problems: string[] = [];
  const production = env.NODE_ENV === 'production';

  const port = parsePort(env.PORT ?? '8787');
  if (port === null) problems.push('PORT must be a whole number from 1 to 65535.');
  const host = env.HOST?.trim() || '127.0.0.1';

  const publicOrigin = env.PUBLIC_ORIGIN?.trim() || `http://localhost:${port ?? 8787}`;
  const origin = parseOrigin(publicOrigin);
  if (origin === null) {
    problems.push('PUBLIC_ORIGIN must be an origin such as https://app.example.com (no path).');
  } else if (production && origin.protocol !== 'https:' && !isLoopback(origin.hostname)) {
    problems.push('PUBLIC_ORIGIN must use https: in production.');
  }

  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl !== null && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must be a postgres:// or postgresql:// connection string.');
  }

  const dataDirSetting = env.PIPELINE_CONNECT_DATA_DIR?.trim() || '.data';
  const dataDir = isAbsolute(dataDirSetting) ? dataDirSetting : resolve(cwd, dataDirSetting);
  const staticSetting = env.PIPELINE_CONNECT_STATIC_DIR?.trim();
  const staticDir = staticSetting ? resolve(cwd, staticSetting) : null;

  const standIns = env.PIPELINE_CONNECT_DEV_STAND_INS?.trim();
  if (standIns !== undefined && standIns !== '' && standIns !== 'on' && standIns !== 'off') {
    problems.push('PIPELINE_CONNECT_DEV_STAND_INS must be "on" or "off".');
  }
  const devStandIns = production ? false : standIns !== 'off';
  if (production && standIns === 'on') {
    problems.push('PIPELINE_CONNECT_DEV_STAND_INS cannot be on in production.');
  }
  const ttlSetting = env.PIPELINE_CONNECT_DEV_ACCESS_TOKEN_TTL?.trim() || null;
  const devAccessTokenTtlSeconds = ttlSetting === null ? null : Number(ttlSetting);
  if (
    devAccessTokenTtlSeconds !== null &&
    (!/^\d+$/.test(ttlSetting ?? '') ||
      devAccessTokenTtlSeconds < 1 ||
      devAccessTokenTtlSeconds > 86_400)
  ) {
    problems.push(
      'PIPELINE_CONNECT_DEV_ACCESS_TOKEN_TTL must be a whole number of seconds, 1 to 86400.',
    );
  } else if (devAccessTokenTtlSeconds !== null && !devStandIns) {
    problems.push(
      'PIPELINE_CONNECT_DEV_ACCESS_TOKEN_TTL applies to the dev stand-ins only, which are off.',
    );
  }
  // The CLI's server signs nobody in: every browser request acts for one local tenant. That is
  // only safe behind a proxy that authenticates every request, which production must say.
  if (production && env.PIPELINE_CONNECT_AUTH?.trim() !== 'proxy') {
    problems.push(
      'The CLI server has no sign-in of its own: in production run it behind a proxy that ' +
        'authenticates every request and set PIPELINE_CONNECT_AUTH=proxy, or embed ' +
        'createCredentialsServer with your own authenticate.',
    );
  }

  const platformClients: ServerConfig['platformClients'] = {};
  for (const providerId of PLATFORM_PROVIDERS) {
    const prefix = `PIPELINE_CONNECT_OAUTH_${providerId.toUpperCase().replaceAll('-', '_')}`;
    const clientId = env[`${prefix}_CLIENT_ID`]?.trim();
    const clientSecret = env[`${prefix}_CLIENT_SECRET`]?.trim();
    if (clientId && clientSecret) platformClients[providerId] = { clientId, clientSecret };
    else if (clientId || clientSecret) {
      problems.push(`${prefix}_CLIENT_ID and ${prefix}_CLIENT_SECRET go together.`);
    }
  }

  const serviceTokens = parseServiceTokens(env.PIPELINE_CONNECT_SERVICE_TOKEN, problems);

  if (problems.length > 0) {
    throw new ConfigurationError(
      `The server configuration is not valid:\n- ${problems.join('\n- ')}`,
    );
  }
  return {
    production,
    host,
    port: port ?? 8787,
    publicOrigin: origin?.origin ?? publicOrigin,
    databaseUrl,
    dataDir,
    staticDir,
    devStandIns,
    devAccessTokenTtlSeconds,
    platformClients,
    serviceTokens,
  };
}

/** `tenant:token[,tenant:token]`; problems name the entry by position, never echo a token. */
function parseServiceTokens(
  setting: string | undefined,
  problems: string[],
): ServerConfig['serviceTokens'] {
  const text = setting?.trim() ?? '';
  if (text === '') return [];
  const tokens: ServerConfig['serviceTokens'] = [];
  text.split(',').forEach((entry, index) => {
    const where = `PIPELINE_CONNECT_SERVICE_TOKEN entry ${index + 1}`;
    const separator = entry.indexOf(':');
    const tenantId = separator > 0 ? entry.slice(0, separator).trim() : '';
    const token = separator > 0 ? entry.slice(separator + 1).trim() : '';
    if (tenantId === '' || token === '') {
      problems.push(`${where} must be <tenant>:<token> (the tenant the token may read).`);
    } else if (token.length < MIN_SERVICE_TOKEN_LENGTH) {
      problems.push(
        `${where} (tenant "${tenantId}") is shorter than ${MIN_SERVICE_TOKEN_LENGTH} characters.`,
      );
    } else if (!/^[\x21-\x7e]+$/.test(token)) {
      problems.push(`${where} (tenant "${tenantId}") must be printable ASCII without spaces.`);
    } else if (tokens.some((other) => other.token === token)) {
      problems.push(`${where} repeats another entry's token.`);
    } else {
      tokens.push({ tenantId, token });
    }
  });
  return tokens;
}

function parsePort(text: string): number | null {
  if (!/^\d{1,5}$/.test(text.trim())) return null;
  const port = Number(text);
  return port >= 1 && port <= 65535 ? port : null;
}

function parseOrigin(text: string): URL | null {
  try {
    const url = new URL(text);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    if (url.pathname !== '/' || url.search !== '' || url.hash !== '' || url.username !== '')
      return null;
    return url;
  } catch {
    return null;
  }
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\./.test(hostname);
}
