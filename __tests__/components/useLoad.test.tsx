import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { ApiError } from '../../src/api/errors'
import { Loadable } from '../../src/components/Loadable'
import { LOAD_FAILED, loadErrorMessage, useLoad } from '../../src/utils/useLoad'

const testing = Taro as unknown as { showPage(): void }

function deferred<T>() {
  let resolve!: (value: T) => void
  let reject!: (error: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

/** A page showing one loaded word, reloaded on show, with a switch that changes what it loads. */
function WordPage({ loader }: { loader: (which: string) => Promise<string> }) {
  const [which, setWhich] = useState('a')
  const word = useLoad(() => loader(which), { deps: [which], onShow: true })
  return (
    <>
      <Loadable load={word}>{(w) => <span className="word">{w}</span>}</Loadable>
      <button onClick={() => setWhich('b')}>换一个</button>
    </>
  )
}

beforeEach(() => {
  jest.spyOn(Taro, 'showToast').mockImplementation(() => Promise.resolve() as never)
})
afterEach(() => jest.restoreAllMocks())

describe('useLoad and <Loadable>', () => {
  it("tells the server's words apart from a dropped network", () => {
    expect(loadErrorMessage(new ApiError({ code: 'FORBIDDEN', message: '没有权限进行此操作' }))).toBe('没有权限进行此操作')
    expect(loadErrorMessage(new ApiError({ code: 'INTERNAL', message: '网络不给力，请检查网络后重试' }))).toBe(LOAD_FAILED)
    expect(loadErrorMessage(new TypeError('x is undefined'))).toBe(LOAD_FAILED)
  })

  it('keeps what is shown while a reload on show runs, and keeps it with a toast when that reload fails', async () => {
    const loader = jest.fn().mockResolvedValueOnce('第一次')
    render(<WordPage loader={loader} />)
    expect(await screen.findByText('第一次')).toBeTruthy()
    expect(loader).toHaveBeenCalledTimes(1)
    const again = deferred<string>()
    loader.mockReturnValueOnce(again.promise)
    act(() => testing.showPage())
    expect(screen.getByText('第一次')).toBeTruthy()
    await act(async () => again.reject(new ApiError({ code: 'INTERNAL', message: '网络不给力，请检查网络后重试' })))
    expect(screen.getByText('第一次')).toBeTruthy()
    expect(screen.queryByText('重试')).toBeNull()
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '网络不给力，请检查网络后重试' }))
  })

  it('starts afresh when what it loads changes, and an answer that arrives late for the old one is dropped', async () => {
    const first = deferred<string>()
    const second = deferred<string>()
    const loader = jest.fn((which: string) => (which === 'a' ? first.promise : second.promise))
    const { container } = render(<WordPage loader={loader} />)
    fireEvent.click(screen.getByText('换一个'))
    await act(async () => second.resolve('新的'))
    expect(screen.getByText('新的')).toBeTruthy()
    await act(async () => first.resolve('旧的'))
    expect(screen.queryByText('旧的')).toBeNull()
    expect(container.querySelectorAll('.word')).toHaveLength(1)
  })

  it('loads once when the page is first shown, not twice', async () => {
    const loader = jest.fn().mockResolvedValue('一次')
    render(<WordPage loader={loader} />)
    await screen.findByText('一次')
    expect(loader).toHaveBeenCalledTimes(1)
  })
})
