import type { CloudStorage } from '../../cloud/core/context'
import { MAX_UPLOAD_BYTES } from '../../cloud/core/files'
import { createHarness, type Harness } from './harness'

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10])
const folder = (openid: string, service = 'aid') => `cloud://env-1.bucket/uploads/${service}/${openid}/`

/** CloudBase storage as the function sees it: what the phone put there, and what was removed. */
function fakeStorage(files: Record<string, Buffer>) {
  const removed: string[] = []
  const storage: CloudStorage = {
    read: async (id) => {
      if (!files[id]) throw new Error('no such file')
      return files[id]
    },
    remove: async (id) => {
      removed.push(id)
    },
  }
  return { storage, removed }
}

describe('files.register: uploads made straight to CloudBase storage', () => {
  let h: Harness
  beforeEach(async () => {
    h = await createHarness()
  })
  afterEach(() => h.close())

  const register = (storage: CloudStorage, openid: string, cloudFileId: string, service = 'aid') =>
    h.callWith<any>({ cloudStorage: storage, fileLink: async (f) => `https://tmp/${f._id}` }, openid, 'files', 'register', { cloudFileId, service })

  it('checks the content and records owner and service; registering twice keeps one record', async () => {
    const id = `${folder('dev-worker')}a.jpg`
    const { storage } = fakeStorage({ [id]: JPEG })
    const first = await register(storage, 'dev-worker', id)
    expect(first).toMatchObject({ ok: true, data: { mime: 'image/jpeg', size: JPEG.length, url: expect.stringContaining('https://tmp/') } })
    const again = await register(storage, 'dev-worker', id)
    expect(again.ok && first.ok && again.data.fileId).toBe(first.ok && first.data.fileId)
    expect(await h.all('files')).toMatchObject([{ ownerId: 'dev-worker', service: 'aid', cloudFileId: id, public: false }])
  })

  it('refuses and removes a file of the wrong type or over 10 MB, whatever its name says', async () => {
    const fake = `${folder('dev-worker')}photo.jpg`
    const huge = `${folder('dev-worker')}huge.jpg`
    const { storage, removed } = fakeStorage({
      [fake]: Buffer.from('MZ\x90\x00 not an image'),
      [huge]: Buffer.concat([JPEG, Buffer.alloc(MAX_UPLOAD_BYTES)]),
    })
    expect(await register(storage, 'dev-worker', fake)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', fields: { file: '只能上传 jpg、png 图片或 pdf 文件' } } })
    expect(await register(storage, 'dev-worker', huge)).toMatchObject({ ok: false, error: { fields: { file: '文件不能超过10MB' } } })
    expect(removed).toEqual([fake, huge])
    expect(await h.all('files')).toHaveLength(0)
  })

  it("refuses a file in someone else's folder or one that is not there", async () => {
    const theirs = `${folder('dev-worker2')}a.jpg`
    const { storage } = fakeStorage({ [theirs]: JPEG })
    expect(await register(storage, 'dev-worker', theirs)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await register(storage, 'dev-worker', `${folder('dev-worker')}missing.jpg`)).toMatchObject({ ok: false, error: { fields: { file: expect.stringContaining('重新上传') } } })
    expect(await h.all('files')).toHaveLength(0)
  })

  it('is only for CloudBase: the local runtime takes uploads over HTTP', async () => {
    const res = await h.call('dev-worker', 'files', 'register', { cloudFileId: `${folder('dev-worker')}a.jpg`, service: 'aid' })
    expect(res).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } })
  })
})
