/**
 * The public API reports (`api/*.api.md`): API Extractor over the declarations `npm run build:lib`
 * emits, one report per typed entry of package.json `exports`, so a new subpath gets one too.
 *
 *   tsx api-report.ts           check: fails when a report is stale or missing (`npm run api:check`)
 *   tsx api-report.ts --update  rewrites the reports (`npm run api:update`)
 *
 * Settings are in api/api-extractor.json. Besides a stale report, the run fails on a type that a
 * public signature reaches but no entry lets a host import (`ae-forgotten-export`), and on a
 * compiler error in the declarations.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import {
  CompilerState,
  Extractor,
  ExtractorConfig,
  ExtractorLogLevel,
  type ExtractorMessage,
} from '@microsoft/api-extractor';
import ts from 'typescript';
import pkg from './package.json' with { type: 'json' };

const root = import.meta.dirname;
const configFile = resolve(root, 'api/api-extractor.json');
const reportFolder = resolve(root, 'api');
const typesFolder = resolve(root, 'dist/types');
const update = process.argv.includes('--update');

interface Entry {
  /** The `exports` key: `.`, `./oauth`, … */
  subpath: string;
  /** The entry's emitted declarations. */
  types: string;
  /** The report's file name without `.api.md`: `pipeline-connect`, `pipeline-connect-oauth`, … */
  report: string;
}

const entries: Entry[] = Object.entries(pkg.exports).flatMap(([subpath, target]) =>
  typeof target === 'object'
    ? [
        {
          subpath,
          types: resolve(root, target.types),
          report: [pkg.name, ...subpath.split('/').slice(1)].join('-'),
        },
      ]
    : [],
);

for (const entry of entries) {
  if (!existsSync(entry.types)) {
    fail(`${relative(root, entry.types)} is missing: run \`npm run build:lib\` first.`);
  }
}

const baseConfig = ExtractorConfig.loadFile(configFile);
const configFor = (entry: Entry) =>
  ExtractorConfig.prepare({
    configObject: {
      ...baseConfig,
      mainEntryPointFilePath: entry.types,
      apiReport: { ...baseConfig.apiReport, enabled: true, reportFileName: entry.report },
    },
    configObjectFullPath: configFile,
    packageJsonFullPath: resolve(root, 'package.json'),
  });

// One program over every entry: the declarations are read and checked once, and a type's
// identity is the same whichever entry reaches it.
const [first] = entries;
if (!first) fail('package.json `exports` names no typed entry.');
const compilerState = CompilerState.create(configFor(first), {
  additionalEntryPoints: entries.map((entry) => entry.types),
});
const program = compilerState.program as ts.Program;
const checker = program.getTypeChecker();

/** The declarations an entry exports, aliases followed to what they name. */
function exportedDeclarations(entry: Entry): Set<ts.Declaration> {
  const sourceFile = program.getSourceFile(entry.types);
  const moduleSymbol = sourceFile && checker.getSymbolAtLocation(sourceFile);
  if (!moduleSymbol) fail(`${relative(root, entry.types)} is not a module.`);
  return new Set(
    checker.getExportsOfModule(moduleSymbol).flatMap((symbol) => {
      const target =
        symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      return target.declarations ?? [];
    }),
  );
}

/** Every top-level declaration named `name` in the package's declarations. */
function packageDeclarationsNamed(name: string): ts.Declaration[] {
  const found: ts.Declaration[] = [];
  for (const sourceFile of program.getSourceFiles()) {
    if (relative(typesFolder, sourceFile.fileName).startsWith('..')) continue;
    for (const statement of sourceFile.statements) {
      const declarations = ts.isVariableStatement(statement)
        ? statement.declarationList.declarations
        : [statement];
      for (const declaration of declarations) {
        const declared = ts.getNameOfDeclaration(declaration as ts.Declaration);
        if (declared && ts.isIdentifier(declared) && declared.text === name) {
          found.push(declaration as ts.Declaration);
        }
      }
    }
  }
  return found;
}

/**
 * The entries whose exports a subpath's signatures may use without exporting them again: the
 * main entry (the package's shared vocabulary: `CredentialsBackend`, `Credential`, …) and the
 * subpaths above it (`./mocks` for `./mocks/browser`). The main entry relies on none, so a host
 * that uses only the components can name every type they take.
 */
function entriesAbove(entry: Entry): Entry[] {
  if (entry.subpath === '.') return [];
  return entries.filter(
    (other) =>
      other !== entry && (other.subpath === '.' || entry.subpath.startsWith(`${other.subpath}/`)),
  );
}

/**
 * A forgotten export stays an error unless the entries above export that very type: every
 * declaration in the package with its name must be one of theirs (two types of one name, one
 * of them unexported, keep the error).
 */
function exportedAbove(entry: Entry, name: string): boolean {
  const above = new Set(entriesAbove(entry).flatMap((other) => [...exportedDeclarations(other)]));
  // API Extractor renames a type that shares a global's name (`Credential`, like the DOM's) to
  // `Credential_2`.
  const candidates = packageDeclarationsNamed(name).concat(
    /_\d+$/.test(name) ? packageDeclarationsNamed(name.replace(/_\d+$/, '')) : [],
  );
  return candidates.length > 0 && candidates.every((declaration) => above.has(declaration));
}

/** What API Extractor says about the report itself (written, stale, its diff): not a problem. */
const reportNotices = new Set([
  'console-api-report-not-copied',
  'console-api-report-diff',
  'console-api-report-copied',
  'console-api-report-created',
]);
/** An error or warning other than a stale report. */
let problems = false;
/** Whether a report differs from what the declarations say now (or reports nothing). */
let stale = false;
for (const entry of entries) {
  const result = Extractor.invoke(configFor(entry), {
    localBuild: update,
    compilerState,
    // A stale report prints what changed, so the failing run says what to review.
    printApiReportDiff: !update,
    messageCallback(message: ExtractorMessage) {
      // "Analysis will use the bundled TypeScript version …", once per entry: the repo's own
      // TypeScript is the one API Extractor depends on, so it says nothing.
      if (message.messageId === 'console-preamble') message.handled = true;
      if (message.messageId === 'ae-forgotten-export') {
        const name = /The symbol "([^"]+)"/.exec(message.text)?.[1];
        if (name !== undefined && exportedAbove(entry, name)) {
          message.logLevel = ExtractorLogLevel.None;
          message.handled = true;
        }
      }
      const serious =
        message.logLevel === ExtractorLogLevel.Error ||
        message.logLevel === ExtractorLogLevel.Warning;
      if (serious && !reportNotices.has(message.messageId)) problems = true;
    },
  });
  if (result.succeeded) continue;
  const staleHere = result.apiReportChanged && !update;
  stale ||= staleHere;
  console.error(
    `\n${entry.subpath}: ${result.errorCount} error(s), ${result.warningCount} warning(s)` +
      (staleHere ? `; api/${entry.report}.api.md is stale` : ''),
  );
}

// A report whose entry is gone is stale too.
const expected = new Set(entries.map((entry) => `${entry.report}.api.md`));
for (const file of readdirSync(reportFolder).filter((name) => name.endsWith('.api.md'))) {
  if (expected.has(file)) continue;
  if (update) {
    rmSync(join(reportFolder, file));
  } else {
    stale = true;
    console.error(`api/${file} reports no entry of package.json \`exports\`.`);
  }
}

if (problems || stale) {
  fail(
    [
      problems &&
        (update
          ? 'The reports were rewritten, but fix the errors above: `npm run api:check` fails on them.'
          : 'Fix the errors above.'),
      stale &&
        'The public API differs from api/*.api.md: if the change is meant, run ' +
          '`npm run api:update` and commit the reports with it.',
    ]
      .filter(Boolean)
      .join('\n'),
  );
}

function fail(message: string): never {
  console.error(`\n${message}`);
  process.exit(1);
}
