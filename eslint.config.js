import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import testingLibrary from 'eslint-plugin-testing-library';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist', 'coverage', 'public/mockServiceWorker.js', 'src/api/ghc.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['src/**/*.tsx'],
    ...jsxA11y.flatConfigs.recommended,
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/app/hooks.ts'],
    rules: {
      // Components use the typed hooks from app/hooks.ts.
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'react-redux',
              importNames: ['useDispatch', 'useSelector'],
              message: 'Use useAppDispatch / useAppSelector from app/hooks.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.test.{ts,tsx}'],
    ...testingLibrary.configs['flat/react'],
  },
  // The layers of the app (docs/layout.md), lowest first. Each may import
  // its own folder and the layers below it, never one above, so no two
  // folders import each other:
  //   api         the client: the document, swagger-client, errors. No store.
  //   writes      the concurrency core's state: thunks, writes in flight,
  //               own writes, the judgement of a failure, the wording.
  //   entities    one slice per record type, and the queue's RTK Query api.
  //   app         the store, its typed hooks and listeners.
  //   components  generic UI: no store, no pages.
  //   writes/ui   the hooks and panels of writes and conflicts.
  //   pages       the screens, their routes and the layout.
  //   dev         the developer controls and the mock's start in the
  //               browser: the one way into mocks/, imported lazily only.
  // State (writes, entities, app) knows no screen; the client knows no store.
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/**/*.test.{ts,tsx}', 'src/test/**'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } },
      'boundaries/elements': [
        { type: 'api', pattern: 'src/api/**', partialMatch: false },
        { type: 'writes-ui', pattern: 'src/writes/ui/**', partialMatch: false },
        { type: 'writes', pattern: 'src/writes/**', partialMatch: false },
        { type: 'entities', pattern: 'src/entities/**', partialMatch: false },
        { type: 'app', pattern: 'src/app/**', partialMatch: false },
        { type: 'components', pattern: 'src/components/**', partialMatch: false },
        { type: 'pages', pattern: 'src/pages/**', partialMatch: false },
        { type: 'dev', pattern: 'src/dev/**', partialMatch: false },
        // What is left of src/: main.tsx.
        { type: 'main', pattern: 'src', partialMatch: false },
        { type: 'mocks', pattern: 'mocks/**', partialMatch: false },
      ],
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          message:
            '{{from.type}} may not import {{to.type}}: see the layers in eslint.config.js (docs/layout.md).',
          policies: [
            { from: { element: { type: 'api' } }, allow: { to: { element: { type: 'api' } } } },
            layer('writes', ['api']),
            layer('entities', ['api', 'writes']),
            layer('app', ['api', 'writes', 'entities']),
            layer('components', ['api', 'writes']),
            layer('writes-ui', ['api', 'writes', 'app', 'components']),
            layer('pages', ['api', 'writes', 'entities', 'app', 'components', 'writes-ui']),
            layer('dev', ['api', 'writes', 'entities', 'app', 'components', 'mocks']),
            layer('main', ['app', 'pages']),
            // The dev controls and the mock's start load only when mocking is on.
            {
              from: { element: { types: { anyOf: ['pages', 'main'] } } },
              allow: {
                to: { element: { type: 'dev' } },
                dependency: { nodeKind: 'dynamic-import' },
              },
            },
          ],
        },
      ],
    },
  },
);

/** A layer may import its own folder and the ones named. */
function layer(type, below) {
  return {
    from: { element: { type } },
    allow: { to: { element: { types: { anyOf: [type, ...below] } } } },
  };
}
