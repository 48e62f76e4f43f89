import js from '@eslint/js';
import pluginQuery from '@tanstack/eslint-plugin-query';
import prettier from 'eslint-config-prettier';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import storybook from 'eslint-plugin-storybook';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/*
 * Import boundaries (docs/architecture.md): each folder of src/ may import only folders below it
 * in this list, top first. Peers on one line may import each other. A wrong-way import fails
 * `npm run lint` (and so `npm test`). `import type` from the port is allowed to `rules/`, which
 * the mock and the server share: types are erased, so no runtime cycle can form.
 */
const layers = [
  ['canvas'],
  ['panel'],
  ['settings'],
  ['connect'],
  ['manage'],
  ['dialogs'],
  ['actions'],
  ['data-sources'],
  ['ui'],
  ['i18n', 'theme'],
  ['on-demand'],
  ['oauth'],
  ['credentials'],
  ['rules'],
];
const outsideSrc = ['mocks', 'demo', 'tests', 'stories', 'bench', 'server'];

function boundary(message, patterns) {
  return { group: patterns, message };
}

const layerBoundaries = layers.flatMap((peers, index) => {
  const above = layers.slice(0, index).flat();
  return peers.map((layer) => {
    const patterns = [
      boundary(`src/${layer}/ may not import a layer above it (${above.join(', ') || 'none'}).`, [
        ...above.flatMap((name) => [`../${name}/*`, `../${name}`]),
        // The entry points (index.ts, the provider) sit above every folder.
        '../index',
        '../pipeline-connect-provider',
      ]),
      boundary(
        'src/ may not import the mock, the demo, tests, stories, benchmarks or the server.',
        [
          ...outsideSrc.flatMap((name) => [`../../${name}/*`, `../../${name}/**`]),
          'pipeline-connect',
          'pipeline-connect/*',
        ],
      ),
    ];
    return {
      files: [`src/${layer}/**/*.{ts,tsx}`],
      rules: {
        '@typescript-eslint/no-restricted-imports': [
          'error',
          {
            patterns:
              layer === 'rules'
                ? [
                    { ...patterns[0], allowTypeImports: true, group: patterns[0].group },
                    patterns[1],
                  ]
                : patterns,
          },
        ],
      },
    };
  });
});

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-demo',
      'dist-stack',
      '.data',
      'storybook-static',
      'node_modules',
      'coverage',
      'playwright-report',
      'test-results',
      'demo/public/mockServiceWorker.js',
      'src/credentials/api-types.ts',
      'bench/results.json',
      '.tmp',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  reactHooks.configs.flat.recommended,
  jsxA11y.flatConfigs.recommended,
  ...pluginQuery.configs['flat/recommended'],
  ...storybook.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      'no-console': ['error', { allow: ['warn', 'error'] }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  ...layerBoundaries,
  {
    files: ['src/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            boundary(
              'src/ may not import the mock, the demo, tests, stories, benchmarks or the server.',
              [...outsideSrc.flatMap((name) => [`../${name}/*`, `../${name}/**`])],
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['.storybook/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            boundary(
              '.storybook/ may not import tests/: move what both need into mocks/ or stories/support/.',
              ['../tests/*', '../tests/**'],
            ),
          ],
        },
      ],
    },
  },
  prettier,
);
