import Taro from '@tarojs/taro'
import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import { taroStorage } from './storage'

/**
 * Drafts of long forms, kept on the phone so they survive closing the app and losing the network,
 * and tied to the person who typed them: each is stored under `<openid>/<form>`
 * (e.g. `dev-worker/aid`). They are forgotten at sign-out and when someone else signs in on the
 * phone; one holding personal data is kept at most `PERSONAL_DRAFT_DAYS` after its last edit.
 * `useDraft` (./useDraft) is how a form reads and writes its draft.
 */

/** How long a draft holding personal data (ID number, bank card, diagnosis, household) is kept. */
export const PERSONAL_DRAFT_DAYS = 7
const DAY_MS = 24 * 60 * 60 * 1000

/** The openid of the last person who signed in on this phone. */
export const LAST_USER_KEY = 'lugong.lastUser'

export interface StoredDraft {
  value: Record<string, unknown>
  /** When it was last edited (epoch ms). */
  editedAt: number
  personal: boolean
}

interface DraftsState {
  /** `<openid>/<form>` → the draft, persisted. */
  drafts: Record<string, StoredDraft>
  /**
   * Typed before the signed-in person is known (their profile still on its way): kept in memory
   * only, and taken over as theirs once it arrives, unless someone else signed in meanwhile.
   */
  unsaved: Record<string, StoredDraft>
}

export const draftKey = (openid: string, form: string) => `${openid}/${form}`

export const isExpired = (draft: StoredDraft, now: number) => draft.personal && now - draft.editedAt > PERSONAL_DRAFT_DAYS * DAY_MS

const withoutExpired = (drafts: Record<string, StoredDraft>, now: number) =>
  Object.fromEntries(Object.entries(drafts).filter(([, d]) => d && typeof d.editedAt === 'number' && !isExpired(d, now)))

export const useDraftStore = create<DraftsState>()(
  persist(() => ({ drafts: {}, unsaved: {} }), {
    name: 'lugong.drafts',
    storage: taroStorage,
    version: 1,
    partialize: (s) => ({ drafts: s.drafts }),
    migrate(persisted, version) {
      // Version 0 (stored without a version) held one childcare, one aid and one medical draft for
      // whoever had the phone. Whose they were is unknown, so they are dropped rather than shown to
      // the next person who signs in.
      if (version < 1) return { drafts: {} }
      return persisted as DraftsState
    },
    // Personal data past its time is not even read back into memory.
    merge: (persisted, current) => ({ ...current, drafts: withoutExpired((persisted as Partial<DraftsState> | undefined)?.drafts ?? {}, Date.now()) }),
  }),
)

/** Where a form's draft lives: under the person, or in memory while they are not known yet. */
function slot(openid: string | null, form: string): ['drafts' | 'unsaved', string] {
  return openid ? ['drafts', draftKey(openid, form)] : ['unsaved', form]
}

/** The stored draft of a form, if there is one still in date. */
export function storedDraft(openid: string | null, form: string, now = Date.now()): StoredDraft | undefined {
  const [where, key] = slot(openid, form)
  const draft = useDraftStore.getState()[where][key]
  return draft && !isExpired(draft, now) ? draft : undefined
}

/** A form's draft as the form reads it: its empty values with what was typed over them. */
export function readDraft<T extends object>(openid: string | null, form: string, empty: T): T {
  const draft = storedDraft(openid, form)
  return draft ? { ...empty, ...(draft.value as Partial<T>) } : empty
}

export function writeDraft<T extends object>(openid: string | null, form: string, empty: T, change: Partial<T>, personal: boolean) {
  const [where, key] = slot(openid, form)
  const value = { ...readDraft(openid, form, empty), ...change } as Record<string, unknown>
  useDraftStore.setState((s) => ({ [where]: { ...s[where], [key]: { value, editedAt: Date.now(), personal } } }))
}

export function removeDraft(openid: string | null, form: string) {
  const [where, key] = slot(openid, form)
  useDraftStore.setState((s) => {
    const { [key]: _gone, ...rest } = s[where]
    return { [where]: rest }
  })
}

/** What was typed before the person was known becomes theirs, unless they have a draft already. */
export function adoptUnsaved(openid: string, form: string) {
  const unsaved = useDraftStore.getState().unsaved[form]
  if (!unsaved) return
  useDraftStore.setState((s) => {
    const { [form]: _taken, ...rest } = s.unsaved
    const key = draftKey(openid, form)
    return { unsaved: rest, drafts: s.drafts[key] ? s.drafts : { ...s.drafts, [key]: unsaved } }
  })
}

/** Every draft on the phone is forgotten (sign-out). */
export function forgetDrafts() {
  useDraftStore.setState({ drafts: {}, unsaved: {} })
}

/**
 * Someone signed in. The same person as last time (say, after their session ran out) keeps their
 * drafts; anyone else starts with none, so nobody reads what the previous person typed.
 */
export function draftsSignedIn(openid: string) {
  const last = (Taro.getStorageSync(LAST_USER_KEY) as string) || null
  if (last === null) {
    // The first sign-in recorded on this phone: keep only what is already this person's.
    const mine = `${openid}/`
    useDraftStore.setState((s) => ({ drafts: Object.fromEntries(Object.entries(s.drafts).filter(([key]) => key.startsWith(mine))) }))
  } else if (last !== openid) {
    forgetDrafts()
  }
  if (last !== openid) Taro.setStorageSync(LAST_USER_KEY, openid)
}
