/** Fen as yuan with two decimals; a free service says so. */
export const formatFee = (fen: number) => (fen === 0 ? '免费' : `¥${(fen / 100).toFixed(2)}`)
