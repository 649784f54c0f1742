import { execFile } from 'node:child_process'
import { resolve } from 'node:path'
import { promisify } from 'node:util'

jest.setTimeout(300_000)

/** WeChat's own code quality scan (miniprogram-ci) over dist/weapp, with the package size limits. */
describe('WeChat code quality scan of dist/weapp', () => {
  it('passes every item, with the main package ≤ 800 KB and every subpackage ≤ 400 KB', async () => {
    const script = resolve(__dirname, '../../scripts/check-weapp.cjs')
    const { stdout } = await promisify(execFile)(process.execPath, [script], { maxBuffer: 16 * 1024 * 1024 }).catch(
      (error: { stdout: string }) => error,
    )
    const report = JSON.parse(stdout.trim().split('\n').pop()!)
    expect(report.items.length).toBeGreaterThanOrEqual(10)
    expect(report.failed).toEqual([])
    expect(report.sizeProblems).toEqual([])
    expect(report.sizes.main).toBeLessThanOrEqual(800 * 1024)
  })
})
