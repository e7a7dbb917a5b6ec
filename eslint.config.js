// ESLint (flat config) with typescript-eslint's type-aware rules. Formatting is Prettier's (`npm run
// format`); eslint-config-prettier turns off every rule that would disagree with it.
import js from '@eslint/js';
import globals from 'globals';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'apps/web/dist/', 'node_modules/', 'coverage/', 'test-results/', 'bench/results/', '.tilskud/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // apps/web's .ts and .tsx are checked against apps/web/tsconfig.json (the project service finds it), the rest against the root's.
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // A promise nobody awaits or handles: a failure that vanishes, or work that outlives its transaction.
      '@typescript-eslint/no-floating-promises': 'error',
      // An async function where a plain callback is expected (an event handler, Array#forEach): its rejection is lost.
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      // Types imported as types: nothing of them is loaded at run time (and no import cycles through them).
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // A switch over a union (a status, a job name) names every member, or says what the rest do.
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    // The web app runs in the browser.
    files: ['apps/web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['**/*.mjs', '**/*.js', '**/*.cjs'],
    languageOptions: { globals: globals.node },
  },
  prettier,
);
