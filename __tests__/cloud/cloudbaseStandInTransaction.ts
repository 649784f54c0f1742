/** The stand-in's transactions: single-document operations, buffered, conflict-checked at commit. */
import { duplicateKey, toStored, transactionConflict } from './cloudbaseStandInCommand'
import { clone, newId, updated, type Doc, type Store } from './cloudbaseStandInStore'

/** What `transaction.rollback(reason)` throws to end the callback; runTransaction rejects with `reason`. */
export class Rollback {
  constructor(readonly reason: unknown) {}
}

/**
 * A transaction: single-document operations only (no `where`, no batch). Reads see each document
 * as it was when the transaction first touched it, plus the transaction's own writes; writes are
 * buffered and become visible at commit. A document another writer changed after this transaction
 * first touched it, and that this transaction writes, is a conflict: runTransaction runs the
 * callback again. A duplicate key is checked at the operation against what the transaction sees,
 * and again at commit, where one that appeared meanwhile is a conflict (as MongoDB's write conflict).
 */
export class StandInTransaction {
  /** Per `collection/id`: the version first seen, and the document as this transaction sees it. */
  private readonly seen = new Map<string, { version: number; doc: Doc | null }>()
  private readonly writes = new Map<string, Map<string, Doc | null>>()

  constructor(
    private readonly store: Store,
    private readonly hook: () => Promise<void>,
  ) {}

  collection(name: string) {
    return {
      doc: (id: string) => this.document(name, id),
      add: async ({ data }: { data: Record<string, unknown> }) => {
        await this.hook()
        const _id = (data._id as string | undefined) ?? newId()
        if (this.view(name, _id)) {
          throw duplicateKey('collection.add', `${this.store.envId}.${name}`, '_id_', `{ _id: ${JSON.stringify(_id)} }`)
        }
        this.write('collection.add', name, _id, { ...toStored(data), _id })
        return { _id, errMsg: 'collection.add:ok' }
      },
    }
  }

  async rollback(reason?: unknown): Promise<never> {
    throw new Rollback(reason)
  }

  private document(name: string, id: string) {
    return {
      get: async () => {
        await this.hook()
        const doc = this.view(name, id)
        return { data: doc ? clone(doc) : null, errMsg: 'document.get:ok' }
      },
      set: async ({ data }: { data: Record<string, unknown> }) => {
        await this.hook()
        const existed = this.view(name, id) !== null
        this.write('document.set', name, id, { ...toStored(data), _id: id })
        return { _id: id, stats: { updated: existed ? 1 : 0, created: existed ? 0 : 1 }, errMsg: 'document.set:ok' }
      },
      update: async ({ data }: { data: Record<string, unknown> }) => {
        await this.hook()
        const doc = this.view(name, id)
        if (!doc) return { stats: { updated: 0 }, errMsg: 'document.update:ok' }
        this.write('document.update', name, id, updated(doc, data))
        return { stats: { updated: 1 }, errMsg: 'document.update:ok' }
      },
      remove: async () => {
        await this.hook()
        const existed = this.view(name, id) !== null
        if (existed) this.write('document.remove', name, id, null)
        return { stats: { removed: existed ? 1 : 0 }, errMsg: 'document.remove:ok' }
      },
    }
  }

  /** The document as this transaction sees it; the first touch records its version. */
  private view(name: string, id: string): Doc | null {
    const key = `${name}/${id}`
    let entry = this.seen.get(key)
    if (!entry) {
      entry = { version: this.store.version(name, id), doc: this.store.docs(name).get(id) ?? null }
      this.seen.set(key, entry)
    }
    return entry.doc
  }

  private write(api: string, name: string, id: string, doc: Doc | null) {
    this.view(name, id)
    const key = `${name}/${id}`
    if (this.store.version(name, id) !== this.seen.get(key)!.version) throw transactionConflict()
    this.seen.get(key)!.doc = doc
    if (!this.writes.has(name)) this.writes.set(name, new Map())
    const changes = this.writes.get(name)!
    changes.set(id, doc)
    // Unique indexes against what this transaction sees: committed documents and its own writes.
    this.store.checkUnique(api, name, this.store.docs(name), changes)
  }

  commit() {
    for (const [name, changes] of this.writes) {
      for (const id of changes.keys()) {
        if (this.store.version(name, id) !== this.seen.get(`${name}/${id}`)!.version) throw transactionConflict()
      }
      try {
        this.store.checkUnique('transaction.commit', name, this.store.docs(name), changes)
      } catch {
        throw transactionConflict()
      }
    }
    for (const [name, changes] of this.writes) this.store.commit('transaction.commit', name, changes)
  }
}

