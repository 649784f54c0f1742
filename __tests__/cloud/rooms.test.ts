import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'

const ROOT = resolve(__dirname, '../..')
const ESLINT = resolve(ROOT, 'node_modules/.bin/eslint')

/** What ESLint says of `code` as if it were the file `path` of this repository. */
function lint(path: string, code: string): string {
  const run = spawnSync(ESLINT, ['--stdin', '--stdin-filename', path, '--format', 'stylish'], { cwd: ROOT, input: code, encoding: 'utf8' })
  return run.stdout + run.stderr
}

/** The rooms of ARCHITECTURE.md are checked by ESLint in `npm test`: each of these breaks one. */
describe('the rooms, as ESLint checks them', () => {
  jest.setTimeout(60_000)

  it.each([
    ['cloud/domain/aid/x.ts', "import { AppError } from '../../core/errors'\nexport const x = AppError\n", 'domain may not import core'],
    ['cloud/domain/aid/x.ts', "import { readFileSync } from 'node:fs'\nexport const x = readFileSync\n", 'I/O stays at the edges'],
    ['cloud/domain/aid/x.ts', 'export const x = () => Date.now()\n', 'takes the clock as an argument'],
    ['cloud/functions/childcare/x.ts', "import { latLngOf } from '../stations/records'\nexport const x = latLngOf\n", 'function may not import function'],
    ['src/utils/x.ts', "import { AppError } from '../../cloud/core/errors'\nexport const x = AppError\n", 'app may not import core'],
    ['types/x.ts', "import dayjs from 'dayjs'\nexport const x = dayjs\n", 'types/ imports nothing but valibot'],
    ['cloud/core/x.ts', '// eslint-disable-next-line no-console\nexport const x = 1\n', 'require-description'],
  ])('%s: %s is refused', (path, code, says) => {
    expect(lint(path, code)).toContain(says)
  })

  it('lets each room import what ARCHITECTURE.md allows', () => {
    expect(lint('cloud/functions/aid/x.ts', "import { AppError } from '../../core/errors'\nimport { formatYuan } from '../../domain/money'\nexport const x = [AppError, formatYuan]\n")).toBe('')
    expect(lint('src/utils/x.ts', "import { formatYuan } from '@/domain/money'\nimport { SERVICE_MANIFEST } from '@/types/services'\nexport const x = [formatYuan, SERVICE_MANIFEST]\n")).toBe('')
  })
})
