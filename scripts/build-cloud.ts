/**
 * `npm run build:cloud`: one deployable folder per cloud function in `cloudfunctions/<name>/`,
 * its `index.js` bundled by esbuild (wx-server-sdk stays external: CloudBase installs it).
 */
import { build } from 'esbuild'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { FUNCTIONS, SCHEDULED_FUNCTIONS } from '../cloud/functions/registry'

const ROOT = resolve(__dirname, '..')
const OUT = join(ROOT, 'cloudfunctions')

/**
 * Packages a function needs at run time beside wx-server-sdk, installed by CloudBase on deploy rather
 * than bundled (pdfkit reads its own data files; the font is a file; exceljs is large and loaded only to export).
 */
const RUNTIME_DEPENDENCIES: Record<string, Record<string, string>> = {
  mydata: { pdfkit: '^0.17.2', '@embedpdf/fonts-sc': '^1.0.0' },
  figures: { exceljs: '^4.4.0' },
}

/** What a function's bundle runs: an action table behind `cloudbaseMain`, or scheduled work. */
function entryOf(name: string): string[] {
  if (Object.hasOwn(SCHEDULED_FUNCTIONS, name)) {
    return [
      `import { cloudbaseScheduled } from './cloud/core/cloudbaseMain'`,
      `import { runHousekeeping } from './cloud/functions/${name}'`,
      `export const main = cloudbaseScheduled('${name}', runHousekeeping)`,
    ]
  }
  return [
    `import { cloudbaseMain } from './cloud/core/cloudbaseMain'`,
    // Each bundle holds its own function only: `cloud/functions/<name>` exports `<name>Function`.
    `import { ${name}Function } from './cloud/functions/${name}'`,
    `export const main = cloudbaseMain(${name}Function)`,
  ]
}

export async function buildCloudFunctions(names = [...Object.keys(FUNCTIONS), ...Object.keys(SCHEDULED_FUNCTIONS)]) {
  const sizes: Record<string, number> = {}
  for (const name of names) {
    const dir = join(OUT, name)
    mkdirSync(dir, { recursive: true })
    const result = await build({
      stdin: {
        contents: entryOf(name).join('\n'),
        resolveDir: ROOT,
        sourcefile: `${name}.entry.ts`,
        loader: 'ts',
      },
      bundle: true,
      platform: 'node',
      target: 'node16',
      format: 'cjs',
      external: ['wx-server-sdk', 'better-sqlite3', ...Object.keys(RUNTIME_DEPENDENCIES[name] ?? {})],
      outfile: join(dir, 'index.js'),
      legalComments: 'none',
      metafile: true,
      logLevel: 'warning',
    })
    sizes[name] = Object.values(result.metafile.outputs)[0].bytes
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({ name, version: '1.0.0', private: true, main: 'index.js', dependencies: { 'wx-server-sdk': '~4.0.2', ...RUNTIME_DEPENDENCIES[name] } }, null, 2) + '\n',
    )
  }
  return sizes
}

if (process.argv[1] && resolve(process.argv[1]) === __filename) {
  buildCloudFunctions().then((sizes) => {
    for (const [name, bytes] of Object.entries(sizes)) console.log(`cloudfunctions/${name}/index.js  ${(bytes / 1024).toFixed(1)} KB`)
  })
}
