// Lint rules of the repo: the layer order of electron/core and renderer (README → Design → Layers) is enforced
// here with eslint-plugin-boundaries, and only the desktop shell may import `electron`.
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// electron/core, bottom → top: a folder may import only folders listed before it (and the repo's shared/).
const CORE_LAYERS = [
  'kernel',
  'jobs',
  'store',
  'package',
  'documents',
  'precheck',
  'expert',
  'context',
  'scoring',
  'panel',
  'output',
  'signing',
  'bureau',
  'api',
];

// renderer, bottom → top. Each entry is one rank; folders of one rank may not import each other
// unless listed in RENDERER_BASE_ORDER below. Every features/<name> is its own element: features never import each other.
const RENDERER_BASE_ORDER = ['locale', 'api', 'lib', 'ui'];

const coreElements = [...CORE_LAYERS.map((name) => ({ type: `core-${name}`, pattern: `electron/core/${name}` }))];
const rendererElements = [
  ...RENDERER_BASE_ORDER.map((name) => ({ type: `renderer-${name}`, pattern: `renderer/${name}` })),
  { type: 'renderer-kernel', pattern: 'renderer/kernel' },
  { type: 'renderer-feature', pattern: 'renderer/features/*', capture: ['feature'] },
  { type: 'renderer-app', pattern: 'renderer/app' },
];

const below = (list, index, prefix) => list.slice(0, index).map((name) => `${prefix}${name}`);
const allowTypes = (fromType, toTypes) => ({
  from: { element: { type: fromType } },
  allow: { to: { element: { types: { anyOf: ['shared', ...toTypes] } } } },
});

const corePolicies = [...CORE_LAYERS.map((name, i) => allowTypes(`core-${name}`, below(CORE_LAYERS, i, 'core-')))];
const rendererBase = RENDERER_BASE_ORDER.map((name) => `renderer-${name}`);
const rendererPolicies = [
  ...RENDERER_BASE_ORDER.map((name, i) => allowTypes(`renderer-${name}`, below(RENDERER_BASE_ORDER, i, 'renderer-'))),
  allowTypes('renderer-kernel', rendererBase),
  allowTypes('renderer-feature', [...rendererBase, 'renderer-kernel']),
  allowTypes('renderer-app', [...rendererBase, 'renderer-kernel', 'renderer-feature']),
];

const shellOnlyElectron = {
  'no-restricted-imports': [
    'error',
    {
      paths: [{ name: 'electron', message: 'Only electron/main*, electron/main/ and electron/preload.ts may import electron.' }],
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'release/',
      'test/artifacts/',
      'test/fixtures/',
      'resources/samples/',
      'bench/results/',
      'bench/work/',
      '**/*.cjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      // Chinese text carries the ideographic space (U+3000) in strings, patterns and comments on purpose.
      'no-irregular-whitespace': [
        'error',
        { skipStrings: true, skipRegExps: true, skipTemplates: true, skipComments: true, skipJSXText: true },
      ],
      ...shellOnlyElectron,
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['electron/main.ts', 'electron/main/**/*.ts', 'electron/preload.ts', 'test/shell/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['electron/core/**/*.ts', 'renderer/**/*.{ts,tsx}', 'shared/**/*.ts'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.mjs'] } },
      'boundaries/include': ['electron/core/**/*', 'renderer/**/*', 'shared/**/*'],
      'boundaries/elements': [{ type: 'shared', pattern: 'shared' }, ...coreElements, ...rendererElements],
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          policies: [allowTypes('shared', []), ...corePolicies, ...rendererPolicies],
        },
      ],
    },
  },
  prettier,
);
