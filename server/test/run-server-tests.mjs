// The server's tests and the contract suite on the server target: once on PGlite (always), and
// once more on PostgreSQL when PIPELINE_CONNECT_TEST_POSTGRES names a database (.ci/run sets it).
import { spawnSync } from 'node:child_process';

const projects = ['--project', 'server', '--project', 'contract-server'];
const { TEST_DATABASE_URL: _a, CONTRACT_DATABASE_URL: _b, ...baseEnv } = process.env;

function run(label, env) {
  process.stdout.write(`\n▶ server tests and contract suite (server target) on ${label}\n`);
  const result = spawnSync('npx', ['vitest', 'run', ...projects], { env, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run('PGlite', baseEnv);
const postgres = process.env.PIPELINE_CONNECT_TEST_POSTGRES;
if (postgres) {
  run('PostgreSQL', { ...baseEnv, TEST_DATABASE_URL: postgres, CONTRACT_DATABASE_URL: postgres });
} else {
  process.stdout.write(
    '\nPIPELINE_CONNECT_TEST_POSTGRES is not set: the PostgreSQL run is skipped here ' +
      '(.ci/run installs PostgreSQL and sets it; `bash .ci/postgres.sh` prints a URL to use).\n',
  );
}
