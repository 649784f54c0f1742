import { birthDateOf, idCheckChar, isValidIdNumber } from '../../cloud/domain/identity/idNumber'
import { maskIdNumber, maskMobile, MOBILE_PATTERN } from '../../cloud/domain/identity/mask'

describe('GB 11643 resident ID numbers', () => {
  it('accepts the standard\'s own example, whose check character is X', () => {
    expect(idCheckChar('11010519491231002')).toBe('X')
    expect(isValidIdNumber('11010519491231002X')).toBe(true)
  })

  it('accepts a lower-case x and surrounding spaces', () => {
    expect(isValidIdNumber(' 11010519491231002x ')).toBe(true)
  })

  it('computes the remainder → check character table 1 0 X 9 8 7 6 5 4 3 2', () => {
    // 4405241880010100 1: weighted sum 195, 195 mod 11 = 8 → '4'.
    expect(idCheckChar('44052418800101001')).toBe('4')
    expect(isValidIdNumber('440524188001010014')).toBe(true)
  })

  it('refuses a wrong check character', () => {
    expect(isValidIdNumber('110105194912310021')).toBe(false)
    expect(isValidIdNumber('440524188001010015')).toBe(false)
  })

  it('refuses a birth date that is not a real date', () => {
    const first17 = '33030219900230123' // 30 February
    expect(isValidIdNumber(first17 + idCheckChar(first17))).toBe(false)
    const leap = '33030220000229123' // 29 February 2000 existed
    expect(isValidIdNumber(leap + idCheckChar(leap))).toBe(true)
    const notLeap = '33030219000229123' // 1900 was not a leap year
    expect(isValidIdNumber(notLeap + idCheckChar(notLeap))).toBe(false)
  })

  it('refuses the wrong length or letters in the body', () => {
    expect(isValidIdNumber('11010519491231002')).toBe(false)
    expect(isValidIdNumber('1101051949123100X2')).toBe(false)
    expect(isValidIdNumber('')).toBe(false)
  })

  it('reads the birth date', () => {
    expect(birthDateOf('11010519491231002X')).toEqual({ year: 1949, month: 12, day: 31 })
  })
})

describe('masking personal data in lists', () => {
  it('shows an ID number as 3303**********123X', () => {
    expect(maskIdNumber('33030219850315123X')).toBe('3303**********123X')
  })
  it('shows a mobile number as 138****5678', () => {
    expect(maskMobile('13812345678')).toBe('138****5678')
  })
  it('takes mobiles 1[3-9] followed by nine digits', () => {
    expect(MOBILE_PATTERN.test('13812345678')).toBe(true)
    expect(MOBILE_PATTERN.test('12812345678')).toBe(false)
    expect(MOBILE_PATTERN.test('1381234567')).toBe(false)
  })
})
