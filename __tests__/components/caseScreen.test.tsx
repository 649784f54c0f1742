import { fireEvent, render, screen } from '@testing-library/react'
import { CaseScreen } from '../../src/components/CaseScreen'
import type { CaseView } from '../../types/cases'
import { ApiError } from '../../src/api/errors'

const VIEW: CaseView = {
  _id: 'c1',
  service: 'aid',
  title: '2026年冬送温暖',
  status: 'submitted',
  statusName: '已提交',
  submittedAt: Date.UTC(2026, 10, 1),
  updatedAt: Date.UTC(2026, 10, 1),
  timeline: [{ at: Date.UTC(2026, 10, 1), action: 'submit', status: 'submitted', by: 'owner' }],
  attachments: [],
  materials: [{ key: 'id_card', name: '身份证' }],
  rows: [{ label: '家庭成员', value: '王美丽，38岁' }],
}

const cases = () => ({ case: jest.fn(), resubmit: jest.fn(), withdraw: jest.fn() })

describe("a worker's case (CaseScreen) is never a blank page", () => {
  it('says the network failed, with 重试, which loads the case and shows it', async () => {
    const api = cases()
    api.case.mockRejectedValueOnce(new ApiError({ code: 'INTERNAL', message: '网络不给力，请检查网络后重试' })).mockResolvedValueOnce(VIEW)
    render(<CaseScreen service="aid" caseId="c1" cases={api} className="aid-case" />)
    expect(await screen.findByText('网络不太好，没能加载。请检查网络后重试')).toBeTruthy()
    fireEvent.click(screen.getByText('重试'))
    expect(await screen.findByText('2026年冬送温暖')).toBeTruthy()
    expect(screen.getByText('王美丽，38岁')).toBeTruthy()
    expect(api.case).toHaveBeenCalledTimes(2)
    expect(api.case).toHaveBeenLastCalledWith({ caseId: 'c1' })
  })

  it("says the server's words when the case is not the worker's", async () => {
    const api = cases()
    api.case.mockRejectedValue(new ApiError({ code: 'NOT_FOUND', message: '没有找到这份申请' }))
    const { container } = render(<CaseScreen service="aid" caseId="c9" cases={api} className="aid-case" />)
    expect(await screen.findByText('没有找到这份申请')).toBeTruthy()
    expect(container.querySelector('.aid-case .load-failed')).toBeTruthy()
  })
})
