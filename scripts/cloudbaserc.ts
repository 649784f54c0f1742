/**
 * `npm run cloudbaserc`: writes `cloudbaserc.json` (the CloudBase CLI's description of every function)
 * from the function registry, so a new service's function is deployed without a hand edit. A test
 * keeps the committed file current.
 */
import { writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { FUNCTIONS, SCHEDULED_FUNCTIONS } from '../cloud/functions/registry'

const ENV = { LUGONG_PII_KEY: '{{env.LUGONG_PII_KEY}}', WECHAT_TMPL_STATUS: '{{env.WECHAT_TMPL_STATUS}}' }
const base = { timeout: 10, runtime: 'Nodejs16.13', memorySize: 256, installDependency: true, envVariables: ENV }

export function cloudbaserc() {
  return {
    version: '2.0',
    envId: '{{env.TCB_ENV_ID}}',
    functionRoot: './cloudfunctions',
    functions: [
      ...Object.keys(FUNCTIONS).map((name) => ({ name, ...base })),
      ...Object.entries(SCHEDULED_FUNCTIONS).map(([name, { every }]) => ({
        name,
        ...base,
        timeout: 60,
        triggers: [{ name: `${name}-timer`, type: 'timer', config: every }],
      })),
    ],
  }
}

export const CLOUDBASERC = join(resolve(__dirname, '..'), 'cloudbaserc.json')
export const cloudbasercText = () => `${JSON.stringify(cloudbaserc(), null, 2)}\n`

if (process.argv[1] && resolve(process.argv[1]) === __filename) {
  writeFileSync(CLOUDBASERC, cloudbasercText())
  console.log(`cloudbaserc.json: ${cloudbaserc().functions.map((f) => f.name).join(', ')}`)
}
