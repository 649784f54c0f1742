import { RecordedAggregate, type Stage } from './aggregate'
import { checkedLimit, checkedSkip } from './paging'
import type { Aggregate, CollectionRef, Db, DocData, DocRef, Query, QueryRef, Transaction } from './types'
import { DuplicateKeyError, TransactionConflictError } from './types'

/* The wx-server-sdk objects are untyped here on purpose: the SDK ships no usable types. */
/* eslint-disable @typescript-eslint/no-explicit-any -- wx-server-sdk ships no usable types */
type Sdk = any

const textOf = (e: any): string =>
  [e?.errMsg, e?.message].filter((part): part is string => typeof part === 'string').join(' | ') || String(e)

/**
 * A missing document: doc(id).get() rejects ("document.get:fail document with _id … does not
 * exist") unless the SDK was told `throwOnNotFound: false`; inside a transaction it answers null.
 */
const isMissing = (e: any) => /does not exist|not exist|cannot find document|DOCUMENT_NOT_FOUND/i.test(textOf(e))

/**
 * A write refused by a UNIQUE index, and nothing else. CloudBase's code for it is
 * DATABASE_DUPLICATE_WRITE ("index key duplicate", https://docs.cloudbase.net/error-code/DATABASE_DUPLICATE_WRITE);
 * wx-server-sdk surfaces it as the general -502001 "database request fail", with MongoDB's
 * "E11000 duplicate key error …" (code 11000) in the message. -502001 alone is not enough: CloudBase
 * uses it for every failed database request (a missing geo index, a collection that already exists…).
 */
/** What CloudBase raises once a transaction's retries ran out on conflicting writers. */
const isTransactionConflict = (e: any) =>
  e?.code === 'DATABASE_TRANSACTION_CONFLICT' || e?.errCode === 'DATABASE_TRANSACTION_CONFLICT' || /TransactionConflict/.test(textOf(e))

export const isDuplicateKey = (e: any): boolean =>
  e?.code === 'DATABASE_DUPLICATE_WRITE' ||
  e?.errCode === 'DATABASE_DUPLICATE_WRITE' ||
  e?.code === 11000 ||
  e?.errCode === 11000 ||
  /\bE11000 duplicate key error\b|\bDATABASE_DUPLICATE_WRITE\b/.test(textOf(e))

/** The collection named in an E11000 message ("collection: <env>.<collection> index: …"), if any. */
const collectionIn = (e: any): string | undefined => /collection: [^.\s]+\.(\S+) index:/.exec(textOf(e))?.[1]

async function guard<R>(collection: string, call: () => Promise<R>): Promise<R> {
  try {
    return await call()
  } catch (e) {
    if (isDuplicateKey(e)) throw new DuplicateKeyError(collection)
    throw e
  }
}

function docRef<T extends DocData>(collection: string, ref: Sdk): DocRef<T> {
  return {
    get: async () => {
      try {
        const res = await ref.get()
        return { data: res.data ?? null }
      } catch (e) {
        if (isMissing(e)) return { data: null }
        throw e
      }
    },
    set: async ({ data }) => {
      const { _id, ...rest } = data as { _id?: string }
      await guard<any>(collection, () => ref.set({ data: rest }))
    },
    update: async ({ data }) => {
      const res = await guard<any>(collection, () => ref.update({ data }))
      return { stats: { updated: res.stats?.updated ?? 0 } }
    },
    remove: async () => {
      const res = await ref.remove()
      return { stats: { removed: res.stats?.removed ?? 0 } }
    },
  }
}

/**
 * The SDK's where() replaces the query set before (its Query keeps only the last one), while the
 * Db contract adds conditions; so the driver keeps them all and gives the SDK their `_.and`.
 */
function queryRef<T extends DocData>(collection: string, q: Sdk, _: Sdk, wheres: Query[] = []): QueryRef<T> {
  const next = (query: Sdk) => queryRef<T>(collection, query, _, wheres)
  return {
    where: (query: Query) => {
      const all = [...wheres, query]
      return queryRef<T>(collection, q.where(all.length === 1 ? query : _.and(all)), _, all)
    },
    orderBy: (field, direction) => next(q.orderBy(field, direction)),
    skip: (n) => next(q.skip(checkedSkip(n))),
    limit: (n) => next(q.limit(checkedLimit(n))),
    get: async () => ({ data: (await q.get()).data }),
    count: async () => ({ total: (await q.count()).total }),
    update: async ({ data }) => {
      const res = await guard<any>(collection, () => q.update({ data }))
      return { stats: { updated: res.stats?.updated ?? 0 } }
    },
    remove: async () => {
      const res = await q.remove()
      return { stats: { removed: res.stats?.removed ?? 0 } }
    },
  }
}

const add = (collection: string, ref: Sdk) => async ({ data }: { data: DocData }) => {
  const res = await guard<any>(collection, () => ref.add({ data }))
  return { _id: res._id as string }
}

/**
 * An aggregation as CloudBase runs it: the checked stages replayed on the SDK's own
 * `collection.aggregate()`, its answer's `list`. The operators are the SDK's (`db.command.aggregate`).
 */
function aggregateOf(ref: Sdk): Aggregate {
  return new RecordedAggregate(async (stages: readonly Stage[]) => {
    let pipeline = ref.aggregate()
    for (const stage of stages) {
      if (stage.kind === 'match') pipeline = pipeline.match(stage.query)
      else if (stage.kind === 'project') pipeline = pipeline.project(stage.spec)
      else if (stage.kind === 'group') pipeline = pipeline.group(stage.spec)
      else if (stage.kind === 'bucket') pipeline = pipeline.bucket(stage.options)
      else if (stage.kind === 'sort') pipeline = pipeline.sort(stage.spec)
      else pipeline = pipeline.limit(stage.n)
    }
    return (await pipeline.end()).list as unknown[]
  })
}

/** The production driver: the CloudBase database of `cloud` (wx-server-sdk), as it is. */
export function cloudbaseDb(cloud: Sdk): Db {
  const db = cloud.database()
  return {
    command: db.command,
    Geo: db.Geo,
    // CloudBase's own: `{ $regex, $options }` on the server (Database.RegExp).
    RegExp: (options) => db.RegExp(options),
    collection<T extends DocData>(name: string): CollectionRef<T> {
      const ref = db.collection(name)
      return { ...queryRef<T>(name, ref, db.command), doc: (id) => docRef<T>(name, ref.doc(id)), add: add(name, ref), aggregate: () => aggregateOf(ref) }
    },
    runTransaction: async (work) => {
      try {
        return await db.runTransaction(async (t: Sdk) => {
          const tx: Transaction = {
            collection: (name: string) => {
              const ref = t.collection(name)
              return { doc: (id: string) => docRef(name, ref.doc(id)), add: add(name, ref) }
            },
          }
          return work(tx)
        })
      } catch (e) {
        // A duplicate key the SDK reports at commit rather than at the operation.
        if (!(e instanceof DuplicateKeyError) && isDuplicateKey(e)) throw new DuplicateKeyError(collectionIn(e) ?? 'transaction')
        if (isTransactionConflict(e)) throw new TransactionConflictError()
        throw e
      }
    },
  }
}
