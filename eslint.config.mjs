// The rooms of ARCHITECTURE.md, checked: who may import whom, and the usual TypeScript and React hooks rules.
import comments from '@eslint-community/eslint-plugin-eslint-comments'
import boundaries from 'eslint-plugin-boundaries'
import reactHooks from 'eslint-plugin-react-hooks'
import tseslint from 'typescript-eslint'

/** The rooms of ARCHITECTURE.md ("Rooms"), most specific first. */
const ROOMS = [
  { type: 'types', pattern: 'types', mode: 'folder' },
  { type: 'domain', pattern: 'cloud/domain', mode: 'folder' },
  { type: 'core', pattern: 'cloud/core', mode: 'folder' },
  { type: 'db', pattern: 'cloud/db', mode: 'folder' },
  // The registry, the housekeeping function, 我的数据 and the figures are the places that gather every function's code.
  { type: 'registry', pattern: 'cloud/functions/registry.ts', mode: 'file' },
  { type: 'housekeeping', pattern: 'cloud/functions/{housekeeping,mydata,figures}', mode: 'folder' },
  { type: 'function', pattern: 'cloud/functions/*', mode: 'folder', capture: ['service'] },
  { type: 'local', pattern: 'cloud/local', mode: 'folder' },
  { type: 'app', pattern: 'src', mode: 'folder' },
  { type: 'tests', pattern: '__tests__', mode: 'folder' },
  { type: 'bench', pattern: 'bench', mode: 'folder' },
  { type: 'scripts', pattern: 'scripts', mode: 'folder' },
  { type: 'config', pattern: 'config', mode: 'folder' },
]

const allow = (from, to) => ({ from: [from], allow: to })

export default tseslint.config(
  { ignores: ['dist/**', 'cloudfunctions/**', 'node_modules/**', 'data/**', '.bench/**', '**/*.js', '**/*.cjs'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mjs}'],
    plugins: { boundaries, '@eslint-community/eslint-comments': comments },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    settings: {
      'boundaries/elements': ROOMS,
      'boundaries/include': ['types/**', 'cloud/**', 'src/**', '__tests__/**', 'bench/**', 'scripts/**', 'config/**'],
      'boundaries/legacy-warnings': false,
      'import/resolver': { typescript: { alwaysTryTypes: true, project: './tsconfig.json' } },
    },
    rules: {
      'boundaries/dependencies': [
        2,
        {
          default: 'disallow',
          message: '${file.type} may not import ${dependency.type} (ARCHITECTURE.md, "Rooms")',
          policies: [
            allow('types', ['types']),
            // cloud/db reads the same haversine distance as the stations rules (docs/decisions.md).
            allow('domain', ['types', 'domain']),
            allow('db', ['db', 'domain']),
            allow('core', ['types', 'domain', 'db', 'core']),
            // Code of its own folder is internal; another function's code is not to be had (what two share moves to core or domain).
            allow('function', ['types', 'domain', 'core', 'db']),
            allow('registry', ['types', 'domain', 'core', 'db', 'function', 'housekeeping']),
            allow('housekeeping', ['types', 'domain', 'core', 'db', 'function']),
            allow('local', ['types', 'domain', 'core', 'db', 'function', 'registry', 'housekeeping', 'local']),
            allow('app', ['app', 'types', 'domain']),
            allow('tests', ['tests', 'types', 'domain', 'core', 'db', 'function', 'registry', 'housekeeping', 'local', 'app', 'bench', 'scripts']),
            allow('bench', ['bench', 'types', 'domain', 'core', 'db', 'function', 'registry', 'housekeeping', 'local', 'scripts']),
            allow('scripts', ['scripts', 'types', 'domain', 'core', 'db', 'function', 'registry', 'housekeeping', 'local']),
            allow('config', ['config']),
          ],
        },
      ],
      // An eslint-disable says why (`-- reason`), and is removed once nothing needs it.
      '@eslint-community/eslint-comments/require-description': 'error',
      '@eslint-community/eslint-comments/no-unlimited-disable': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    // The pure rules: no I/O, no clock, no Node built-ins.
    files: ['cloud/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:*', 'fs', 'path', 'crypto', 'better-sqlite3', 'wx-server-sdk', 'fastify*'], message: 'cloud/domain holds pure rules: I/O stays at the edges' }] }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'cloud/domain takes the clock as an argument' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'cloud/domain takes the clock as an argument' },
      ],
    },
  },
  {
    // The contracts room imports nothing but valibot.
    files: ['types/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ regex: '^(?!valibot$|\\./)', message: 'types/ imports nothing but valibot' }] }] },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // useLoad and the form rules keep the latest loader and the server's field errors in a ref that only
      // callbacks read; the compiler's rule cannot tell that from reading it while rendering.
      'react-hooks/refs': 'off',
    },
  },
  {
    // Tests read stored documents loosely and mock modules with require(), as jest does.
    files: ['__tests__/**/*.{ts,tsx}', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-require-imports': 'off' },
  },
)
