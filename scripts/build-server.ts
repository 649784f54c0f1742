/**
 * The local runtime as plain JavaScript, bundled by esbuild like the cloud functions
 * (`scripts/build-cloud.ts`): `npm start` and `npm run serve` run `node dist/server/main.js` (with
 * `RUNTIME_NODE_FLAGS`), not TypeScript through a loader. Our code is bundled; packages stay in node_modules (pdfkit and the
 * font read their own files; better-sqlite3 is native).
 *
 *   tsx scripts/build-server.ts      builds dist/server/main.js (well under a second)
 *
 * Each file is written whole and then renamed into place, so a runtime starting while another
 * build runs (tests start several at once) never reads half a file.
 */
import { build } from 'esbuild'
import { mkdirSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'

const ROOT = resolve(__dirname, '..')

/**
 * How node runs the local runtime (package.json's `start` and `serve` say the same). Under a high
 * rate of short-lived objects V8 grows the young generation to 16 MB semi-spaces: nearby searches
 * at 7,500 a second kept 220 MB resident, against 138 MB with 8 MB semi-spaces (113 MB with 2 MB,
 * where collecting took 12 % of the time instead of 10 %), at the same throughput. Nothing was
 * retained either way: the heap after a full collection grew 2 MB.
 */
export const RUNTIME_NODE_FLAGS = ['--max-semi-space-size=8']

/** What the local runtime bundles are built from, by output name. */
export const RUNTIME_ENTRIES = { main: 'cloud/local/main.ts' }

/** Bundles `entries` (output name → source, relative to the repository) into `outdir`; answers the files. */
export async function buildForNode(entries: Record<string, string> = RUNTIME_ENTRIES, outdir = join(ROOT, 'dist/server')): Promise<string[]> {
  const result = await build({
    entryPoints: Object.fromEntries(Object.entries(entries).map(([name, source]) => [name, join(ROOT, source)])),
    outdir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // Packages are required from node_modules at run time, as they are installed.
    packages: 'external',
    sourcemap: 'linked',
    legalComments: 'none',
    logLevel: 'warning',
    write: false,
  })
  for (const file of result.outputFiles) {
    mkdirSync(dirname(file.path), { recursive: true })
    const part = `${file.path}.${process.pid}.part`
    writeFileSync(part, file.contents)
    renameSync(part, file.path)
  }
  return result.outputFiles.map((f) => f.path).filter((p) => p.endsWith('.js'))
}

// Run as a command (not imported by a test or the bench).
if (/scripts[\\/]build-server\.ts$/.test(process.argv[1] ?? '')) {
  const started = Date.now()
  buildForNode().then(
    () => console.log(`Local runtime built (dist/server/main.js) in ${Date.now() - started} ms.`),
    (error) => {
      console.error(error)
      process.exit(1)
    },
  )
}
