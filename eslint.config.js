import js from '@eslint/js'
import tseslint from 'typescript-eslint'

// Node's globals for plain JavaScript scripts (bench/); TypeScript files get them from @types/node.
const nodeGlobals = Object.fromEntries(
  ['process', 'console', 'Buffer', 'URL', 'performance', 'setTimeout', 'clearTimeout'].map(
    (name) => [name, 'readonly'],
  ),
)

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'bench/out/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ['**/*.mjs', '**/*.js'], languageOptions: { globals: nodeGlobals } },
)
