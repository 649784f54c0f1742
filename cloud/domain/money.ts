/** Fen as yuan with two decimals: `6700.00 元`. The one way the portal writes an amount. */
export const formatYuan = (fen: number) => `${(fen / 100).toFixed(2)} 元`
