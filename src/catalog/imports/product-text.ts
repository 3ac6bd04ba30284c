/**
 * Vendors type product text in every casing: `KASHAN MEDALLION`, `kashan medallion`. The store
 * shows one: Title Case, unless the vendor's mixed case looks deliberate (`McKenzie`, `iPad`).
 */

/** Short words that stay lower-case inside a title: `Garden of Paradise`, `Ivory with Gold`. */
const CONNECTORS: ReadonlySet<string> = new Set([
  'a',
  'an',
  'and',
  'at',
  'by',
  'for',
  'in',
  'of',
  'on',
  'or',
  'the',
  'to',
  'with',
]);

/** `II`, `IV`, `XII`: collection names number their series, and `Heritage Ii` reads wrong. */
const ROMAN_NUMERAL = /^(?=[ivx]{2,}$)x{0,3}(?:ix|iv|v?i{0,3})$/;
const HAS_DIGIT = /\d/;
const SIZE_X = /^[x×]$/i;
/** Runs of space other than single spaces between words. */
const SPACING = /\s{2}|[^\S ]|^ | $/;
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
/** Capitals go at the start of a word and after these: `Ivory/Navy`, `Hand-Knotted`, `(Grey)`. */
const WORD_START = /(^|[-/(&+.[])(\p{Ll})/gu;

/** A product name, tidied; null when blank. */
export function normalizeName(text: string): string | null {
  return tidy(text);
}

/**
 * A collection, design, color or material, tidied like a name; spaces around `/` go too, so
 * `Ivory / Navy` from one vendor and `Ivory/Navy` from another are one color.
 */
export function normalizeLabel(text: string): string | null {
  const tidied = tidy(text);
  return tidied === null ? null : tidied.replace(/ ?\/ ?/g, '/');
}

function tidy(raw: string): string | null {
  // One way of writing each accented letter: `é` as one character or as e and an accent.
  const text = raw.normalize('NFC');
  const collapsed = SPACING.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
  if (collapsed === '') return null;
  const words = collapsed.split(' ');
  if (looksDeliberate(words)) return collapsed;

  return words
    .map((word, i) => {
      if (HAS_DIGIT.test(word)) return word;
      const lowered = word.toLowerCase();
      // The x of `5'3" X 7'6"` belongs to the size.
      if (
        SIZE_X.test(word) &&
        HAS_DIGIT.test(words[i - 1] ?? '') &&
        HAS_DIGIT.test(words[i + 1] ?? '')
      ) {
        return 'x';
      }
      if (i > 0 && CONNECTORS.has(lowered)) return lowered;
      if (ROMAN_NUMERAL.test(lowered)) return word.toUpperCase();
      return lowered.replace(WORD_START, (_m, before: string, letter: string) =>
        before.concat(letter.toUpperCase()),
      );
    })
    .join(' ');
}

/**
 * Mixed case in the words that count: words with digits (sizes, SKUs) and the x before a size do
 * not. Word by word rather than one expression over the text, so a long cell costs linear time.
 */
function looksDeliberate(words: readonly string[]): boolean {
  let upper = false;
  let lower = false;
  for (let i = 0; i < words.length && !(upper && lower); i++) {
    const word = words[i];
    if (HAS_DIGIT.test(word)) continue;
    if (SIZE_X.test(word) && HAS_DIGIT.test(words[i + 1] ?? '')) continue;
    upper ||= UPPER.test(word);
    lower ||= LOWER.test(word);
  }
  return upper && lower;
}
