import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import InboxPage from '../../src/pages/inbox/index'
import { held, networkDown, ok, server } from './fakeServer'

jest.mock('../../src/api/transport', () => require('./fakeServer').transport)

const message = (n: number, read = false) => ({ _id: `m${n}`, title: `消息标题${n}`, body: `消息内容${n}`, read, createdAt: Date.UTC(2026, 10, 1) })
const me = { openid: 'dev-worker', roles: ['worker'], services: [], realNamed: true, profile: null, consents: {}, unread: 0 }

beforeEach(() => {
  server.reset()
  Taro.setStorageSync('lugong.token', 'test-token')
  server.on('users', 'me', () => ok(me))
})

describe('消息 (a list page) loads one way', () => {
  it('shows a skeleton, not a blank page or 加载中…, while the inbox is loading', async () => {
    const call = held()
    server.on('users', 'inbox', () => call.promise)
    const { container } = render(<InboxPage />)
    expect(container.querySelector('.load-skeleton .nut-skeleton')).toBeTruthy()
    expect(screen.queryByText(/加载中/)).toBeNull()
    expect(screen.queryByText(/暂时没有消息/)).toBeNull()
    await act(async () => call.answer(ok({ items: [message(1)], unread: 1 })))
    expect(await screen.findByText('消息标题1')).toBeTruthy()
    expect(container.querySelector('.load-skeleton')).toBeNull()
  })

  it('says the network failed with 重试, and 重试 loads the inbox again and shows it', async () => {
    server.on('users', 'inbox', () => networkDown())
    const { container } = render(<InboxPage />)
    expect(await screen.findByText('网络不太好，没能加载。请检查网络后重试')).toBeTruthy()
    expect(server.calls('users', 'inbox')).toHaveLength(1)
    server.on('users', 'inbox', () => ok({ items: [message(1), message(2, true)], unread: 1 }))
    fireEvent.click(screen.getByText('重试'))
    expect(await screen.findByText('消息标题2')).toBeTruthy()
    expect(server.calls('users', 'inbox')).toHaveLength(2)
    expect(screen.queryByText('重试')).toBeNull()
    expect(container.querySelectorAll('.is-unread')).toHaveLength(1)
  })

  it("shows the server's own words when it refused", async () => {
    server.on('users', 'inbox', () => ({ ok: false, error: { code: 'RESOURCE_EXHAUSTED', message: '操作太频繁，请稍后再试' } }))
    render(<InboxPage />)
    expect(await screen.findByText('操作太频繁，请稍后再试')).toBeTruthy()
    expect(screen.getByText('重试')).toBeTruthy()
  })

  it('shows the messages once loaded, and the next page on 加载更多', async () => {
    server.on('users', 'inbox', (p) => ok(p.cursor ? { items: [message(3)], unread: 2 } : { items: [message(1), message(2)], nextCursor: 'c2', unread: 2 }))
    render(<InboxPage />)
    expect(await screen.findByText('消息（2条未读）')).toBeTruthy()
    expect(screen.getByText('消息标题1')).toBeTruthy()
    fireEvent.click(screen.getByText('加载更多'))
    expect(await screen.findByText('消息标题3')).toBeTruthy()
    expect(server.calls('users', 'inbox')).toEqual([{ limit: 20 }, { cursor: 'c2', limit: 20 }])
    expect(screen.queryByText('加载更多')).toBeNull()
  })

  it('says there are no messages yet when the inbox is empty', async () => {
    server.on('users', 'inbox', () => ok({ items: [], unread: 0 }))
    render(<InboxPage />)
    expect(await screen.findByText('暂时没有消息。您办理的事项有进展时，会在这里通知您。')).toBeTruthy()
    expect(screen.queryByText('重试')).toBeNull()
  })

  it('loads again when the page is shown again, keeping the list on screen meanwhile', async () => {
    server.on('users', 'inbox', () => ok({ items: [message(1)], unread: 1 }))
    const { container } = render(<InboxPage />)
    await screen.findByText('消息标题1')
    const call = held()
    server.on('users', 'inbox', () => call.promise)
    act(() => (Taro as unknown as { showPage(): void }).showPage())
    expect(screen.getByText('消息标题1')).toBeTruthy()
    expect(container.querySelector('.load-skeleton')).toBeNull()
    await act(async () => call.answer(ok({ items: [message(4)], unread: 1 })))
    await waitFor(() => expect(screen.getByText('消息标题4')).toBeTruthy())
  })
})
