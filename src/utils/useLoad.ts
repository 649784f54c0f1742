import { useDidShow } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react'
import { ApiError } from '../api'
import { NETWORK_ERROR } from '../api/errors'
import { showError } from './useSubmit'

/** What a page says when a load failed and the server gave no reason of its own. */
export const LOAD_FAILED = '网络不太好，没能加载。请检查网络后重试'

/** The server's own words when it refused; the plain network sentence otherwise. */
export function loadErrorMessage(error: unknown): string {
  if (error instanceof ApiError && error.message && error.message !== NETWORK_ERROR.message) return error.message
  return LOAD_FAILED
}

export type LoadStatus = 'loading' | 'failed' | 'loaded'

/** One piece of data a page shows, and where it stands. `<Loadable>` draws it. */
export interface Load<T> {
  status: LoadStatus
  /** The data once loaded (kept while a reload runs). */
  data: T | undefined
  /** What to tell the worker when it failed. */
  error: string | undefined
  /** Fetches again while what is shown stays; if that fails, a toast says so and the data stays. */
  reload(): Promise<void>
  /** The 重试 button: back to the skeleton, fetch again. */
  retry(): void
  /** Changes the loaded data in place (an item marked read, a page of results appended). */
  update(change: (data: T) => T): void
}

export interface LoadOptions {
  /** Fetch afresh (skeleton first) when one of these changes, as `useEffect` does. */
  deps?: DependencyList
  /** Fetch again each time the page is shown again (back from another page, a tab switched to). */
  onShow?: boolean
  /**
   * While false the load waits in the loading state without calling (no position yet, not signed
   * in). A function is asked at the moment of each load.
   */
  when?: boolean | (() => boolean)
}

type State<T> = { status: LoadStatus; data?: T; error?: string }

/**
 * Loads what a page shows: `loading` until the loader answers, then `loaded` with its data or
 * `failed` with a message. Named like Taro's `useLoad` page hook, which is a different thing.
 */
export function useLoad<T>(loader: () => Promise<T>, options: LoadOptions = {}): Load<T> {
  const { deps = [], onShow = false, when = true } = options
  const [state, setState] = useState<State<T>>({ status: 'loading' })
  const loaderRef = useRef(loader)
  loaderRef.current = loader
  const whenRef = useRef(when)
  whenRef.current = when
  const generation = useRef(0)
  const inFlight = useRef(false)
  const hasData = useRef(false)
  const mounted = useRef(false)

  const run = useCallback(async (keepShown: boolean) => {
    const allowed = typeof whenRef.current === 'function' ? whenRef.current() : whenRef.current
    if (!allowed) return
    const mine = ++generation.current
    const refresh = keepShown && hasData.current
    inFlight.current = true
    if (!refresh) {
      hasData.current = false
      setState({ status: 'loading' })
    }
    try {
      const data = await loaderRef.current()
      if (mine !== generation.current) return
      hasData.current = true
      setState({ status: 'loaded', data })
    } catch (error) {
      if (mine !== generation.current) return
      if (refresh) showError(error)
      else setState({ status: 'failed', error: loadErrorMessage(error) })
    } finally {
      if (mine === generation.current) inFlight.current = false
    }
  }, [])

  useEffect(() => {
    // The page's first show may have started the first load already.
    const first = !mounted.current
    mounted.current = true
    if (first && inFlight.current) return
    void run(false)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller's deps decide when to load afresh, as useEffect's own
  }, deps)

  useDidShow(() => {
    // The first show comes with the mount's load; later ones refresh what is shown.
    if (onShow && !inFlight.current) void run(true)
  })

  const reload = useCallback(() => run(true), [run])
  const retry = useCallback(() => void run(false), [run])
  const update = useCallback((change: (data: T) => T) => {
    setState((s) => (s.status === 'loaded' ? { ...s, data: change(s.data as T) } : s))
  }, [])

  return { status: state.status, data: state.data, error: state.error, reload, retry, update }
}

/** A page of a list as the server answers it (other fields, like counts, come with each page). */
export interface PageLike {
  items: unknown[]
  nextCursor?: string
}

export interface Paged<P extends PageLike> extends Load<P> {
  /** Appends the next page; a failure is a toast and the list stays. */
  more(): Promise<void>
  loadingMore: boolean
}

/** A list read a page at a time (`nextCursor`): the first page as `useLoad`, the rest on 加载更多. */
export function usePaged<P extends PageLike>(fetchPage: (cursor?: string) => Promise<P>, options: LoadOptions = {}): Paged<P> {
  const load = useLoad(() => fetchPage(), options)
  const [loadingMore, setLoadingMore] = useState(false)
  const busy = useRef(false)

  async function more() {
    const cursor = load.data?.nextCursor
    if (!cursor || busy.current) return
    busy.current = true
    setLoadingMore(true)
    try {
      const next = await fetchPage(cursor)
      // Appended only to the list it continues: a reload meanwhile started another.
      load.update((page) => (page.nextCursor === cursor ? { ...next, items: [...page.items, ...next.items] } : page))
    } catch (error) {
      showError(error)
    } finally {
      busy.current = false
      setLoadingMore(false)
    }
  }

  return { ...load, more, loadingMore }
}
