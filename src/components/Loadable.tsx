import { View } from '@tarojs/components'
import { Button, Empty, Skeleton } from '@nutui/nutui-react-taro'
import type { ReactNode } from 'react'
import type { Load, PageLike, Paged } from '../utils/useLoad'

interface Props<T> {
  load: Load<T>
  /** What the page shows once the data is there. */
  children(data: T): ReactNode
  /** Grey lines in the skeleton (default 4; 2 for a part). */
  rows?: number
  /**
   * The name of this part when it is one part of a page ("我的反馈"): a failure then says that
   * this part did not load, smaller, and the rest of the page stays.
   */
  part?: string
  /** Whether the loaded data is an empty list, shown as `empty` (with `emptyAction` under it). */
  isEmpty?(data: T): boolean
  empty?: string
  emptyAction?: ReactNode
  className?: string
}

/** No picture: NutUI's pictures are fetched from the internet, which is what may be failing. */
const NO_IMAGE = <View />

/**
 * The one way a page shows something it loads: NutUI's Skeleton while loading, NutUI's Empty with
 * the message and 重试 when it failed, `empty` for an empty list, the content once it is there.
 */
export function Loadable<T>({ load, children, rows, part, isEmpty, empty, emptyAction, className = '' }: Props<T>) {
  if (load.status === 'loading') {
    return (
      <View className={`${part ? 'load-part' : 'section'} load-state load-skeleton ${className}`}>
        <Skeleton rows={rows ?? (part ? 2 : 4)} animated />
      </View>
    )
  }
  if (load.status === 'failed') {
    return (
      <Empty
        className={`load-state load-failed ${part ? 'load-part' : ''} ${className}`}
        image={NO_IMAGE}
        size={part ? 'small' : 'base'}
        title={part ? `${part}没能加载` : undefined}
        description={load.error}
      >
        <Button className="load-retry" type="primary" size={part ? 'small' : 'normal'} onClick={load.retry}>
          重试
        </Button>
      </Empty>
    )
  }
  const data = load.data as T
  if (isEmpty?.(data)) {
    return (
      <Empty className={`load-state load-empty ${className}`} image={NO_IMAGE} size="small" description={empty}>
        {emptyAction}
      </Empty>
    )
  }
  return <>{children(data)}</>
}

/** 加载更多 under a paged list, while there is more. */
export function LoadMore<P extends PageLike>({ list }: { list: Paged<P> }) {
  if (list.status !== 'loaded' || !list.data?.nextCursor) return null
  return (
    <Button block className="load-more" loading={list.loadingMore} onClick={() => list.more()}>
      加载更多
    </Button>
  )
}

interface PagedListProps<I> {
  list: Paged<{ items: I[]; nextCursor?: string }>
  /** What is said when there is nothing in the list. */
  empty: string
  /** The class of the list's section. */
  className?: string
  /** As Loadable's: the name of the list when it is one part of a page. */
  part?: string
  /**
   * Cards that stand on their own (stations, jobs): no section around them, 加载更多 in one of its
   * own; `className` is then the class of a box around the whole list.
   */
  cards?: boolean
  /** One item, with its key. */
  children(item: I): ReactNode
}

/**
 * A list read a page at a time, the one way: Loadable's skeleton and failure, `empty` when there is
 * nothing, the items in a section with 加载更多 under them while there is more.
 */
export function PagedList<I>({ list, empty, className = '', part, cards = false, children }: PagedListProps<I>) {
  const loadable = (
    <Loadable load={list} part={part} isEmpty={(page) => page.items.length === 0} empty={empty}>
      {(page) =>
        cards ? (
          <>
            {page.items.map((item) => children(item))}
            {page.nextCursor && (
              <View className="section">
                <LoadMore list={list} />
              </View>
            )}
          </>
        ) : (
          <View className={className ? `section ${className}` : 'section'}>
            {page.items.map((item) => children(item))}
            <LoadMore list={list} />
          </View>
        )
      }
    </Loadable>
  )
  return cards ? <View className={className}>{loadable}</View> : loadable
}
