import { render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { MyRequests } from '../../src/components/MyRequests'
import { ok, server } from './fakeServer'

jest.mock('../../src/api/transport', () => require('./fakeServer').transport)

const AT = Date.parse('2026-11-28T11:38:00+08:00')
const row = (id: string, over: Record<string, unknown>) => ({
  _id: id,
  service: 'aid',
  title: `困难帮扶：${id}`,
  status: 'submitted',
  statusName: '已提交',
  waitsForWorker: false,
  open: true,
  link: `/packages/aid/case/index?caseId=${id}`,
  submittedAt: AT - 3_600_000,
  updatedAt: AT,
  ...over,
})

beforeEach(() => {
  server.reset()
  Taro.setStorageSync('lugong.token', 'test-token')
  server.on('users', 'me', () => ok({ openid: 'dev-worker', roles: ['worker'], services: [], realNamed: true, profile: null, consents: {}, consentsDue: [], unread: 0 }))
})

describe('我的办事', () => {
  it('puts what waits for the worker first, under its own heading, and gives each row one labelled time', async () => {
    // The server sends what waits for the worker first (users.requests orders it so).
    server.on('users', 'requests', () =>
      ok({
        items: [
          row('需要补材料', { status: 'needs_info', statusName: '待补充材料', waitsForWorker: true }),
          row('审核中的', { status: 'in_review', statusName: '审核中' }),
          row('已发放的', { status: 'paid', statusName: '已发放', open: false, amountFen: 200_000 }),
        ],
      }),
    )
    const { container } = render(<MyRequests />)
    expect(await screen.findByText('要您处理（1件）')).toBeTruthy()
    const rows = Array.from(container.querySelectorAll('.request-item'))
    expect(rows.map((r) => r.classList.contains('waits-for-me'))).toEqual([true, false, false])
    expect(container.querySelector('.requests-waiting .request-item')?.textContent).toContain('困难帮扶：需要补材料')
    expect(screen.getByText('其他事项')).toBeTruthy()
    const times = rows.map((r) => Array.from(r.querySelectorAll('.request-time')).map((t) => t.textContent))
    expect(times).toEqual([['通知您的时间：2026-11-28 11:38'], ['最近进展：2026-11-28 11:38'], ['结束时间：2026-11-28 11:38']])
    expect(rows[2].textContent).toContain('金额 2,000.00\u00a0元')
    expect(container.textContent).not.toContain('更新于')
  })

  it('has no heading for waiting rows when nothing waits for the worker', async () => {
    server.on('users', 'requests', () => ok({ items: [row('审核中的', { statusName: '审核中' })] }))
    const { container } = render(<MyRequests />)
    expect(await screen.findByText('困难帮扶：审核中的')).toBeTruthy()
    expect(container.querySelector('.waits-title')).toBeNull()
    expect(screen.queryByText('其他事项')).toBeNull()
  })
})
