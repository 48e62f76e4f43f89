import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../src/config';
import { createCredentialsServer } from '../src/create-credentials-server';
import { ConfigurationError } from '../src/crypto/errors';
import { createLocalKeyWrapper } from '../src/crypto/local-key-wrapper';
import { call, emptyDatabase } from './support/test-server';

const key = (id: string) => ({ id, key: randomBytes(32) });

describe('boot refusals', () => {
  it('refuses to boot when the database holds values under a key id that is not configured', async () => {
    const database = await emptyDatabase();
    const old = key('old');
    const first = await createCredentialsServer({
      database,
      keys: createLocalKeyWrapper([old]),
      publicOrigin: 'http://localhost',
    });
    const created = await call(first, 'POST', '/providers/firecrawl/credentials', {
      body: { values: { firecrawl_api_key: 'fc-0123456789abcdef0123456789abcdef' } },
    });
    expect(created.status).toBe(201);

    await expect(
      createCredentialsServer({
        database,
        keys: createLocalKeyWrapper([key('new')]),
        publicOrigin: 'http://localhost',
      }),
    ).rejects.toThrow(ConfigurationError);
    await expect(
      createCredentialsServer({
        database,
        keys: createLocalKeyWrapper([key('new')]),
        publicOrigin: 'http://localhost',
      }),
    ).rejects.toThrow(/"old"/);

    // With the old key listed after the new active one, it boots and still reads the value.
    const rotated = await createCredentialsServer({
      database,
      keys: createLocalKeyWrapper([key('new'), old]),
      publicOrigin: 'http://localhost',
    });
    expect((await call(rotated, 'GET', '/credentials')).json?.credentials).toHaveLength(1);
  });

  it('refuses a configuration with every problem named', () => {
    expect(() =>
      readConfig({
        NODE_ENV: 'production',
        PORT: '99999',
        PUBLIC_ORIGIN: 'http://app.example.com/path',
        DATABASE_URL: 'mysql://db',
        PIPELINE_CONNECT_DEV_STAND_INS: 'on',
      }),
    ).toThrow(/PORT[\s\S]*PUBLIC_ORIGIN[\s\S]*DATABASE_URL[\s\S]*PIPELINE_CONNECT_DEV_STAND_INS/);
  });

  it('never mounts the stand-ins in production and requires https there', () => {
    expect(() =>
      readConfig({ NODE_ENV: 'production', PUBLIC_ORIGIN: 'http://app.example.com' }),
    ).toThrow(/https/);
    expect(() =>
      readConfig({ NODE_ENV: 'production', PUBLIC_ORIGIN: 'https://app.example.com' }),
    ).toThrow(/PIPELINE_CONNECT_AUTH=proxy/);
    const config = readConfig({
      NODE_ENV: 'production',
      PUBLIC_ORIGIN: 'https://app.example.com',
      PIPELINE_CONNECT_AUTH: 'proxy',
    });
    expect(config).toMatchObject({ production: true, devStandIns: false, port: 8787 });
    expect(readConfig({}).devStandIns).toBe(true);
  });

  it('takes a stand-in access-token lifetime in whole seconds, for the stand-ins only', () => {
    expect(readConfig({}).devAccessTokenTtlSeconds).toBeNull();
    expect(
      readConfig({ PIPELINE_CONNECT_DEV_ACCESS_TOKEN_TTL: '30' }).devAccessTokenTtlSeconds,
    ).toBe(30);
    for (const bad of ['0', '1.5', '-3', '30s', '86401']) {
      expect(() => readConfig({ PIPELINE_CONNECT_DEV_ACCESS_TOKEN_TTL: bad })).toThrow(
        /PIPELINE_CONNECT_DEV_ACCESS_TOKEN_TTL must be a whole number/,
      );
    }
    expect(() =>
      readConfig({
        PIPELINE_CONNECT_DEV_STAND_INS: 'off',
        PIPELINE_CONNECT_DEV_ACCESS_TOKEN_TTL: '30',
      }),
    ).toThrow(/applies to the dev stand-ins only/);
  });
});
