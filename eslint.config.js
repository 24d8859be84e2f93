import js from '@eslint/js'
import tseslint from 'typescript-eslint'

// Node's globals for plain JavaScript scripts (bench/); TypeScript files get them from @types/node.
const nodeGlobals = Object.fromEntries(
  ['process', 'console', 'Buffer', 'URL', 'performance', 'setTimeout', 'clearTimeout'].map(
    (name) => [name, 'readonly'],
  ),
)

const browserGlobals = Object.fromEntries(
  ['window', 'document', 'location', 'performance', 'setTimeout', 'clearTimeout'].map((name) => [
    name,
    'readonly',
  ]),
)

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'bench/out/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ['**/*.mjs', '**/*.js'], languageOptions: { globals: nodeGlobals } },
  // The report's client: classic browser scripts inlined into one function scope, so each file
  // declares what it shares (/* exported */) and what it uses from the others (/* global */).
  {
    files: ['src/report/client/**/*.js'],
    languageOptions: { sourceType: 'script', globals: browserGlobals },
  },
)
