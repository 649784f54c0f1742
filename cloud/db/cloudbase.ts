import { checkedLimit, checkedSkip } from './paging'
import type { CollectionRef, Db, DocData, DocRef, Query, QueryRef, Transaction } from './types'
import { DuplicateKeyError } from './types'

/* The wx-server-sdk objects are untyped here on purpose: the SDK ships no usable types. */
/* eslint-disable @typescript-eslint/no-explicit-any */
type Sdk = any

const isMissing = (e: any) => /not exist|does not exist|cannot find document/i.test(String(e?.errMsg ?? e?.message ?? e))
const isDuplicate = (e: any) => e?.errCode === -502001 || /duplicate key/i.test(String(e?.errMsg ?? e?.message ?? e))

async function guard<R>(collection: string, call: () => Promise<R>): Promise<R> {
  try {
    return await call()
  } catch (e) {
    if (isDuplicate(e)) throw new DuplicateKeyError(collection)
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

function queryRef<T extends DocData>(collection: string, q: Sdk): QueryRef<T> {
  return {
    where: (query: Query) => queryRef(collection, q.where(query)),
    orderBy: (field, direction) => queryRef(collection, q.orderBy(field, direction)),
    skip: (n) => queryRef(collection, q.skip(checkedSkip(n))),
    limit: (n) => queryRef(collection, q.limit(checkedLimit(n))),
    get: () => q.get(),
    count: () => q.count(),
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

/** The production driver: the CloudBase database of `cloud` (wx-server-sdk), as it is. */
export function cloudbaseDb(cloud: Sdk): Db {
  const db = cloud.database()
  return {
    command: db.command,
    Geo: db.Geo,
    collection<T extends DocData>(name: string): CollectionRef<T> {
      const ref = db.collection(name)
      return { ...queryRef<T>(name, ref), doc: (id) => docRef<T>(name, ref.doc(id)), add: add(name, ref) }
    },
    runTransaction: (work) =>
      db.runTransaction(async (t: Sdk) => {
        const tx: Transaction = {
          collection: (name: string) => {
            const ref = t.collection(name)
            return { doc: (id: string) => docRef(name, ref.doc(id)), add: add(name, ref) }
          },
        }
        return work(tx)
      }),
  }
}
