/**
 * A worker's keywords as expressions the database matches: each word taken literally (every
 * character that means something in an expression escaped), at most three words, all of which
 * must be found.
 */
export const MAX_KEYWORDS = 3

/** `-` means nothing outside a class, and escaping it is an error under the `u` flag. */
const SPECIAL = /[.*+?^${}()|[\]\\/]/g

/** The text, matched literally. */
export const escapeRegExp = (text: string) => text.replace(SPECIAL, '\\$&')

/** The words of a search box (split on spaces, full-width ones too), escaped; none for an empty box. */
export function keywordPatterns(text: string | undefined): string[] {
  const words = (text ?? '').split(/[\s\u3000,，、]+/u).filter((w) => w.length > 0)
  return [...new Set(words)].slice(0, MAX_KEYWORDS).map(escapeRegExp)
}
