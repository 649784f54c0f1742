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

describe('FieldError with the field value', () => {
  it('goes when the field changes, and comes with the next answer about it', () => {
    const { container, rerender } = render(<FieldError message="请填写医院" value="" />)
    expect(container.textContent).toBe('请填写医院')
    rerender(<FieldError message="请填写医院" value="温" />)
    expect(container.textContent).toBe('')
    rerender(<FieldError message="请填写医院" value="温州医科大学附属第一医院" />)
    expect(container.textContent).toBe('')
    // The next submit: the answer is cleared, then says something about the value now in the field.
    rerender(<FieldError value="温州医科大学附属第一医院" />)
    rerender(<FieldError message="医院最多60个字" value="温州医科大学附属第一医院" />)
    expect(container.textContent).toBe('医院最多60个字')
  })

  it('compares lists and objects by what they hold', () => {
    const { container, rerender } = render(<FieldError message="请选择设施" value={['water']} />)
    rerender(<FieldError message="请选择设施" value={['water']} />)
    expect(container.textContent).toBe('请选择设施')
    rerender(<FieldError message="请选择设施" value={['water', 'ac']} />)
    expect(container.textContent).toBe('')
  })
})
