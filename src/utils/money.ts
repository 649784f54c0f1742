/** Fen as yuan with two decimals; a free service says so. */
export const formatFee = (fen: number) => (fen === 0 ? '免费' : `¥${(fen / 100).toFixed(2)}`)

/** Yuan with two decimals, for amounts that are not fees: `2000.00 元`. */
export const formatYuan = (fen: number) => `${(fen / 100).toFixed(2)} 元`

/** Yuan as typed → fen; NaN when it is not a number, which the server names as the wrong field. */
export const yuanToFen = (yuan: string) => (yuan.trim() === '' ? NaN : Math.round(Number(yuan) * 100))
