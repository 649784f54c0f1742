import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { ConsentLine, useConsent } from '../../src/components/ConsentLine'
import { usePolicies } from '../../src/stores/policies'
import { ok, server } from './fakeServer'

jest.mock('../../src/api/transport', () => require('./fakeServer').transport)

const inForce = (version: string) => ok({ items: [{ key: 'aid', version, title: '困难帮扶敏感信息收集说明', draft: true, updatedAt: 0 }] })

/** A form with one consent, as the forms use it: what it would send, on screen. */
function Form({ error }: { error?: string }) {
  const consent = useConsent('aid')
  const [sent, setSent] = useState('')
  return (
    <>
      <ConsentLine policy="aid" className="aid-consent" checked={consent.checked} onChange={consent.setChecked} error={error}>
        我同意工会为审核帮扶收集家庭、收入、银行卡等敏感信息
      </ConsentLine>
      <button onClick={() => setSent(consent.version || '(none)')}>send</button>
      <span data-testid="sent">{sent}</span>
    </>
  )
}

beforeEach(() => {
  server.reset()
  usePolicies.setState({ inForce: {}, loading: false })
})

describe('ConsentLine', () => {
  it('opens its policy from the title without ticking the box, and agrees to the version in force once ticked', async () => {
    server.on('users', 'policies', () => inForce('2027.1'))
    const navigate = jest.spyOn(Taro, 'navigateTo').mockImplementation(() => Promise.resolve() as never)
    const { container } = render(<Form />)
    const link = await screen.findByText('查看《困难帮扶敏感信息收集说明》（草案）')
    fireEvent.click(link)
    expect(navigate).toHaveBeenCalledWith({ url: '/packages/profile/policy/index?key=aid' })
    fireEvent.click(screen.getByText('send'))
    expect(screen.getByTestId('sent').textContent).toBe('(none)')
    fireEvent.click(container.querySelector('.aid-consent')!)
    fireEvent.click(screen.getByText('send'))
    expect(screen.getByTestId('sent').textContent).toBe('2027.1')
    navigate.mockRestore()
  })

  it('asks for the new version and unticks when the server says the policy was updated', async () => {
    server.on('users', 'policies', () => inForce('2026.11'))
    const { container, rerender } = render(<Form />)
    await waitFor(() => expect(usePolicies.getState().inForce.aid?.version).toBe('2026.11'))
    fireEvent.click(container.querySelector('.aid-consent')!)
    server.on('users', 'policies', () => inForce('2027.1'))
    rerender(<Form error="《困难帮扶敏感信息收集说明》已经更新，请重新阅读后再同意" />)
    await waitFor(() => expect(usePolicies.getState().inForce.aid?.version).toBe('2027.1'))
    fireEvent.click(screen.getByText('send'))
    expect(screen.getByTestId('sent').textContent).toBe('(none)')
    expect(screen.getByText('《困难帮扶敏感信息收集说明》已经更新，请重新阅读后再同意')).toBeTruthy()
  })
})
