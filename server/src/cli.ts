#!/usr/bin/env -S npx tsx
/**
 * `pipeline-connect-server start | migrate | rotate-keys | check | audit`: the reference server's
 * command line. Configuration comes from the environment (see the README's "Configuration").
 */
import { readConfig } from './config';
import { createEnvelopeCipher } from './crypto/envelope';
import { assertKeyIdsConfigured, loadKeyWrapper } from './crypto/key-ring';
import { readAudit } from './domain/audit';
import { createConsoleLogger } from './logger';
import { keyIdsInUse, rewrapAll } from './storage/sealed-values';
import { databaseLocation, startServer } from './start-server';
import { openDatabase } from './storage/database';

const USAGE = `Usage: pipeline-connect-server <command>

  start        serve the API (and the built demo, with PIPELINE_CONNECT_STATIC_DIR)
  migrate      bring the database schema up to date, then exit
  rotate-keys  re-wrap every stored data key under the active key (idempotent, resumable)
  check        validate configuration, database and encryption keys, then exit
  audit        print the newest audit events as JSON lines (--tenant ID, --limit N)`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const logger = createConsoleLogger();
  const config = readConfig(process.env);

  switch (command) {
    case 'start': {
      const server = await startServer(config, logger);
      const stop = () => {
        void server.close().then(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      return -1;
    }
    case 'migrate': {
      const database = await openDatabase(databaseLocation(config));
      await database.close();
      logger.info('The database schema is up to date', { database: database.kind });
      return 0;
    }
    case 'rotate-keys':
    case 'check': {
      const keys = await loadKeyWrapper({
        env: process.env,
        dataDir: config.dataDir,
        production: config.production,
        warn: (message) => logger.warn(message),
      });
      const database = await openDatabase(databaseLocation(config));
      try {
        const cipher = createEnvelopeCipher(keys);
        assertKeyIdsConfigured(keys, await keyIdsInUse(database.db, cipher));
        if (command === 'rotate-keys') {
          const report = await rewrapAll(database.db, cipher);
          logger.info('Key rotation done', { activeKeyId: keys.activeKeyId, ...report });
        } else {
          logger.info('Configuration, database and keys are in order', {
            database: database.kind,
            activeKeyId: keys.activeKeyId,
          });
        }
      } finally {
        await database.close();
      }
      return 0;
    }
    case 'audit': {
      const tenant = valueOf(rest, '--tenant');
      const limit = Number(valueOf(rest, '--limit') ?? 100);
      const database = await openDatabase(databaseLocation(config));
      try {
        const events = await readAudit(database.db, {
          ...(tenant && { tenantId: tenant }),
          limit: Number.isInteger(limit) && limit > 0 ? limit : 100,
        });
        for (const event of events) process.stdout.write(`${JSON.stringify(event)}\n`);
      } finally {
        await database.close();
      }
      return 0;
    }
    default:
      process.stderr.write(`${USAGE}\n`);
      return command === undefined || command === '--help' ? 0 : 2;
  }
}

function valueOf(args: string[], flag: string): string | undefined {
  const index = args.indexOf(flag);
  return index === -1 ? undefined : args[index + 1];
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    // Boot refusals (configuration, keys) are for the operator: their message, no stack.
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`pipeline-connect-server: ${message}\n`);
    process.exit(1);
  },
);
