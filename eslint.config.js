import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.tools/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    ignores: ['src-renderer/**/*.test.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The renderer never reaches Node: only the contract's types cross over.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^node:', message: 'Le renderer n’a pas accès à Node.' },
            { regex: '^electron', message: 'Le renderer passe par window.passeur (preload).' },
            { regex: 'src-main/(?!modules$|shared/roles|modules/[^/]+/kinds)', message: 'Le renderer n’importe du main que le contrat (types), les rôles et les listes pures (kinds.ts).' },
          ],
        },
      ],
    },
  },
  {
    // A module's SQL lives in its repository (repo.ts; a long one splits by sub-domain folder,
    // e.g. aides/commission/repo.ts);
    // the store's own in store/. Checked here by file name; the boundaries between modules
    // and layers by dependency-cruiser (npm run lint:deps).
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/**/*.test.ts', 'src-main/**/repo.ts', 'src-main/store/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='prepare']", message: 'Le SQL vit dans le dépôt du module (repo.ts) ou dans store/ : déplacez cette requête.' },
        { selector: "CallExpression[callee.name='prep']", message: 'Le SQL vit dans le dépôt du module (repo.ts) ou dans store/ : déplacez cette requête.' },
      ],
    },
  },
  {
    // Playwright fixtures take their dependencies by destructuring, `{}` included.
    files: ['tests/e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
  },
  {
    files: ['bin/**/*.js', 'scripts/**/*.js', 'tests/bench/**/*.js'],
    languageOptions: { globals: globals.node },
  },
);
