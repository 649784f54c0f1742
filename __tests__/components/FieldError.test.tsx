import { render, screen } from '@testing-library/react'
import { FieldError } from '../../src/components/FieldError'

describe('FieldError', () => {
  it('shows the field problem in plain words, and nothing when there is none', () => {
    const { container, rerender } = render(<FieldError />)
    expect(container.textContent).toBe('')
    rerender(<FieldError message="身份证号不正确" />)
    expect(screen.getByText('身份证号不正确')).toBeTruthy()
  })
})
