import { useCallback, useEffect, useMemo, useState } from 'react'
import { auth } from '../api'
import { adoptUnsaved, draftKey, isExpired, readDraft, removeDraft, useDraftStore, writeDraft } from './drafts'
import { useSession } from './session'

export type DraftChange<T> = Partial<T> | ((draft: T) => Partial<T>)

/**
 * The signed-in person's draft of one form, kept on the phone: `[draft, update, clear]`.
 * `update` merges a change (or a function of the latest draft, for uploads that overlap) and
 * records the edit time; `clear` forgets it, e.g. once the form is sent. A draft holding personal
 * data (`personal`, the default) is dropped when it was last edited more than 7 days ago.
 */
export function useDraft<T extends object>(form: string, empty: T, { personal = true }: { personal?: boolean } = {}) {
  const openid = useSession((s) => s.me?.openid ?? null)
  const stored = useDraftStore((s) => (openid ? s.drafts[draftKey(openid, form)] : s.unsaved[form]))
  // Read once per form opened: a draft does not expire under the worker's hands.
  const [openedAt] = useState(() => Date.now())
  const expired = stored !== undefined && isExpired(stored, openedAt)
  const draft = useMemo(() => (stored && !expired ? { ...empty, ...(stored.value as Partial<T>) } : empty), [stored, expired, empty])

  useEffect(() => {
    if (expired) removeDraft(openid, form)
  }, [expired, openid, form])

  useEffect(() => {
    if (openid) adoptUnsaved(openid, form)
    // Drafts belong to a person: who is signed in is asked for when the profile is not here yet.
    else if (auth.signedIn()) useSession.getState().refresh().catch(() => undefined)
  }, [openid, form])

  const update = useCallback(
    (change: DraftChange<T>) => {
      const next = typeof change === 'function' ? change(readDraft(openid, form, empty)) : change
      if (Object.keys(next).length > 0) writeDraft(openid, form, empty, next, personal)
    },
    [openid, form, empty, personal],
  )
  const clear = useCallback(() => removeDraft(openid, form), [openid, form])

  return [draft, update, clear] as const
}
