import { formatYuan } from '@/domain/money'

/** The one rule for amounts, shared with the server (`cloud/domain/money.ts`): `6,700.00 元`. */
export { formatYuan, YUAN_SEPARATOR } from '@/domain/money'

/** A fee: `免费` when there is none, the amount otherwise. */
export const formatFee = (fen: number) => (fen === 0 ? '免费' : formatYuan(fen))

/** Yuan as typed → fen; NaN when it is not a number, which the server names as the wrong field. */
export const yuanToFen = (yuan: string) => (yuan.trim() === '' ? NaN : Math.round(Number(yuan) * 100))
