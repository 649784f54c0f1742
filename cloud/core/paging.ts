/** A page cursor is the offset of the next item, as a string, so clients treat it as opaque. */
export const encodeCursor = (offset: number) => String(offset)
export const decodeCursor = (cursor: string | undefined) => {
  const n = Number(cursor ?? 0)
  return Number.isInteger(n) && n >= 0 ? n : 0
}
