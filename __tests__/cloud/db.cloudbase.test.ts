import { cloudbaseDb, isDuplicateKey } from '../../cloud/db/cloudbase'
import { DuplicateKeyError, TransactionConflictError } from '../../cloud/db/types'
import { CloudSDKError, duplicateKey, requestFailed } from './cloudbaseStandInCommand'

 

/** The production driver's reading of CloudBase errors (the contract suite covers the rest). */
describe('cloudbase driver errors', () => {
  /** A cloud whose add() and runTransaction() reject with `error`. */
  const failing = (error: unknown) =>
    cloudbaseDb({
      database: () => ({
        command: {},
        Geo: {},
        collection: () => ({ add: async () => Promise.reject(error) }),
        runTransaction: async () => Promise.reject(error),
      }),
    })

  const duplicates = [
    duplicateKey('collection.add', 'env.members', 'memberKey', '{ memberKey: "2026:x" }'),
    { code: 'DATABASE_DUPLICATE_WRITE', message: 'index key duplicate' },
    { errCode: -502001, errMsg: 'collection.add:fail -502001 database request fail. E11000 duplicate key error index: x' },
    Object.assign(new Error('E11000 duplicate key error collection: env.cases index: openKey dup key'), { code: 11000 }),
  ]
  const others = [
    requestFailed('collection.add', 'Db or Table already exists'),
    new CloudSDKError({ errCode: -502001, errMsg: 'database request fail' }),
    { errCode: -502001, errMsg: 'collection.add:fail geo index not found for location' },
    new Error('a duplicate key, someone said'),
    { code: 'DATABASE_TRANSACTION_CONFLICT', message: '[ResourceUnavailable.TransactionConflict] Transaction is conflict' },
  ]

  it('maps a duplicate key, and only a duplicate key, to DuplicateKeyError', async () => {
    for (const error of duplicates) {
      expect(isDuplicateKey(error)).toBe(true)
      await expect(failing(error).collection('members').add({ data: {} })).rejects.toBeInstanceOf(DuplicateKeyError)
    }
    for (const error of others) {
      expect(isDuplicateKey(error)).toBe(false)
      await expect(failing(error).collection('members').add({ data: {} })).rejects.toBe(error)
    }
  })

  it('maps a duplicate key reported when a transaction commits, naming its collection', async () => {
    const error = await failing(duplicates[0])
      .runTransaction(async () => undefined)
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DuplicateKeyError)
    expect((error as DuplicateKeyError).collection).toBe('members')
    await expect(failing(others[3]).runTransaction(async () => undefined)).rejects.toBe(others[3])
  })

  it('maps a transaction whose retries ran out on conflicts to TransactionConflictError', async () => {
    await expect(failing(others[4]).runTransaction(async () => undefined)).rejects.toBeInstanceOf(TransactionConflictError)
  })
})
