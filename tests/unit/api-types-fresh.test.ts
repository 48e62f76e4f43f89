import { readFile } from 'node:fs/promises';
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';
import { describe, expect, it } from 'vitest';

const contractUrl = new URL('../../contract/openapi.yaml', import.meta.url);
const generatedUrl = new URL('../../src/credentials/api-types.ts', import.meta.url);

/**
 * Regenerates the contract types exactly as `npm run generate:api` does
 * (`openapi-typescript contract/openapi.yaml -o src/credentials/api-types.ts`): the CLI passes
 * no flags, so every option keeps its default, and it prepends the same header. `silent` only
 * mutes console output and does not change the result.
 */
async function generate(): Promise<string> {
  const ast = await openapiTS(contractUrl, { silent: true });
  return `${COMMENT_HEADER}${astToString(ast)}`;
}

describe('src/credentials/api-types.ts', () => {
  it('matches contract/openapi.yaml', async () => {
    const [expected, committed] = await Promise.all([generate(), readFile(generatedUrl, 'utf8')]);
    expect(committed === expected, 'api-types.ts is stale: run npm run generate:api').toBe(true);
  });
});
