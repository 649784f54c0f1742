import { readFileSync } from 'node:fs'
import { SERVICE_KEYS, SERVICE_MANIFEST, OPEN_SERVICES, DESK_SERVICES, SHARED_DESK_SERVICES, pageUrl, caseUrl } from '../../types/services'
import { INDEXES_BY_OWNER } from '../../cloud/db/indexes'
import { FUNCTIONS } from '../../cloud/functions/registry'
import { CLOUDBASERC, cloudbasercText } from '../../scripts/cloudbaserc'

describe('the service manifest and what is derived from it', () => {
  it('gives every open service a cloud function of its name, and no function to a service that is not open', () => {
    for (const service of SERVICE_KEYS) expect(Object.hasOwn(FUNCTIONS, service)).toBe(SERVICE_MANIFEST[service].open)
  })

  it('keeps cloudbaserc.json current (npm run cloudbaserc writes it)', () => {
    expect(readFileSync(CLOUDBASERC, 'utf8')).toBe(cloudbasercText())
  })

  it('keys the declared indexes by the kernel or a service of the manifest', () => {
    for (const owner of Object.keys(INDEXES_BY_OWNER)) expect(['kernel', ...SERVICE_KEYS]).toContain(owner)
  })

  it('builds the links of pages and cases from the subpackages', () => {
    expect(pageUrl('stations', 'detail', { id: 'a b' })).toBe('/packages/stations/detail/index?id=a%20b')
    expect(pageUrl('childcare', 'mine')).toBe('/packages/childcare/mine/index')
    expect(DESK_SERVICES).toEqual(['aid', 'medical', 'legal'])
    // Legal help has a desk of its own (its queue sorts by the promise): the shared desk leaves it out.
    expect(SHARED_DESK_SERVICES).toEqual(['aid', 'medical'])
    expect(caseUrl('medical', 'c1')).toBe('/packages/medical/case/index?caseId=c1')
    expect(caseUrl('legal', 'c2')).toBe('/packages/legal/case/index?caseId=c2')
    expect(OPEN_SERVICES).toEqual(['stations', 'childcare', 'aid', 'medical', 'legal', 'jobs'])
  })

  it('opens every tile of an open service on a page of its own subpackage or a tab', () => {
    for (const service of OPEN_SERVICES) {
      const { tile, pages } = SERVICE_MANIFEST[service] as { tile: { tab?: string; page?: string }; pages: Record<string, string> }
      expect(Boolean(tile.tab) || (tile.page !== undefined && tile.page in pages)).toBe(true)
    }
  })
})
