/**
 * The local runtime as plain JavaScript, bundled by esbuild like the cloud functions
 * (`scripts/build-cloud.ts`): `npm start` and `npm run serve` run `node dist/server/main.js` (with
 * `RUNTIME_NODE_FLAGS`), not TypeScript through a loader. Our code is bundled; packages stay in node_modules (pdfkit and the
 * font read their own files; better-sqlite3 is native).
 *
 *   tsx scripts/build-server.ts      builds dist/server/main.js and cloud.js (well under a second)
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
 * retained either way: the heap after a full collection grew 2 MB. Since the functions run in a
 * thread of their own (`cloud/local/thread.ts`, which sizes that thread's), this is the HTTP thread's:
 * with 2 MB semi-spaces it spent 27 % of its time collecting and served 8,000 nearby searches a
 * second against 8,800–9,300 with 4 MB (8 MB: no faster, 30 MB more resident).
 */
export const RUNTIME_NODE_FLAGS = ['--max-semi-space-size=4']

/** What the local runtime bundles are built from, by output name. */
export const RUNTIME_ENTRIES = { main: 'cloud/local/main.ts', cloud: 'cloud/local/cloudThread.ts' }

/** Bundles `entries` (output name → source, relative to the repository) into `outdir`; answers each one's script by name. */
export async function buildForNode<E extends Record<string, string>>(
  entries: E = RUNTIME_ENTRIES as unknown as E,
  outdir = join(ROOT, 'dist/server'),
): Promise<Record<keyof E, string>> {
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
  return Object.fromEntries(Object.keys(entries).map((name) => [name, join(outdir, `${name}.js`)])) as Record<keyof E, string>
}

// Run as a command (not imported by a test or the bench).
if (/scripts[\\/]build-server\.ts$/.test(process.argv[1] ?? '')) {
  const started = Date.now()
  buildForNode().then(
    () => console.log(`Local runtime built (dist/server/main.js and cloud.js) in ${Date.now() - started} ms.`),
    (error) => {
      console.error(error)
      process.exit(1)
    },
  )
}
