import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The layers of src/, lowest first. Data flows one way: snapshot → drift → report → integrations → job → entry
 * points; a module may import its own layer and the layers below, never one above. `src/errors.ts` and `src/util`
 * sit under everything.
 */
const FOLDERS = {
  util: 'util',
  snapshot: 'snapshot',
  drift: 'drift',
  report: 'report',
  integrations: ['github', 'prometheus', 'predictor', 'loadtest'],
  job: 'job',
  entry: ['cli', 'action'],
};

/** Import patterns (relative or not) that reach into a src/ folder. */
const into = (...folders) =>
  folders.flat(Infinity).flatMap((folder) => [`**/${folder}/**`, `**/${folder}/*`]);

/** A no-restricted-imports rule for one layer: the folders above it are out of reach, with why. */
function layer(name, above, extra = []) {
  return [
    'error',
    {
      patterns: [
        ...(above.length > 0
          ? [
              {
                group: into(above),
                message: `${name} may not import from a layer above it (layers: snapshot → drift → report → integrations → job → cli/action).`,
              },
            ]
          : []),
        ...extra,
      ],
    },
  ];
}

const layerRules = [
  {
    files: ['src/util/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': layer('src/util', [
        FOLDERS.snapshot,
        FOLDERS.drift,
        FOLDERS.report,
        FOLDERS.integrations,
        FOLDERS.job,
        FOLDERS.entry,
      ]),
    },
  },
  {
    files: ['src/snapshot/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': layer('src/snapshot', [
        FOLDERS.drift,
        FOLDERS.report,
        FOLDERS.integrations,
        FOLDERS.job,
        FOLDERS.entry,
      ]),
    },
  },
  {
    files: ['src/drift/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': layer(
        'src/drift',
        [FOLDERS.report, FOLDERS.integrations, FOLDERS.job, FOLDERS.entry],
        [
          {
            // The engine sees snapshots only through the data model (its types and pure accessors), never a reader.
            group: ['**/snapshot/**', '!**/snapshot/table.js'],
            message: 'src/drift may import only the data model src/snapshot/table.ts from src/snapshot.',
          },
        ],
      ),
    },
  },
  {
    files: ['src/report/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': layer(
        'src/report',
        [FOLDERS.snapshot, FOLDERS.integrations, FOLDERS.job, FOLDERS.entry],
        [
          {
            // Renderers read the report model (its types and helpers in drift/report.ts) and the types of its parts.
            group: ['**/drift/**', '!**/drift/report.js'],
            allowTypeImports: true,
            message:
              'src/report may import the report model (src/drift/report.ts) and types of src/drift only.',
          },
        ],
      ),
    },
  },
  {
    files: ['src/{github,prometheus,predictor,loadtest}/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': layer('the integrations', [FOLDERS.job, FOLDERS.entry]),
    },
  },
  {
    files: ['src/job/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': layer('src/job', [FOLDERS.entry]),
    },
  },
];

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'load-test/dist/',
      'node_modules/',
      'reports/',
      'coverage/',
      'bench/out/',
      'test/out/',
    ],
  },
  js.configs.recommended,
  {
    // Plain Node scripts (build, template generation).
    files: ['**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  ...layerRules,
);
