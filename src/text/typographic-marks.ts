// The marks outside ASCII that winnow's one-pass scanners read as they read ASCII.

/**
 * Curly quotes, dashes, the minus sign, the ellipsis, the no-break space, the middle dot, the
 * bullet, the copyright and degree signs: the common marks of edited prose. NFKC maps none of
 * them to a word character and case folding leaves them alone, so to the tokeniser each one
 * separates words, as a space does; some have a normal form a line's key writes instead.
 *
 * @example
 * isTypographicMark('—'.charCodeAt(0)) // true
 */
export function isTypographicMark(c: number): boolean {
  switch (c) {
    case 0x2018:
    case 0x2019:
    case 0x201c:
    case 0x201d:
    case 0x2013:
    case 0x2014:
    case 0x2212:
    case 0x2026:
    case 0x00a0:
    case 0x00b7:
    case 0x2022:
    case 0x00a9:
    case 0x00b0:
      return true
    default:
      return false
  }
}
