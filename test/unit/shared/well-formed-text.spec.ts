import { parseQueryString } from '../../../src/shared/http/query-string';
import { hasControlCharacters, isIllFormed } from '../../../src/shared/http/well-formed-text';

describe('well-formed text', () => {
  it.each([
    ['a lone high surrogate', 'a\uD800b'],
    ['a lone low surrogate', '\uDC00'],
    ['surrogates in the wrong order', '\uDC00\uD800'],
    ['a replacement character (bytes not in UTF-8)', 'caf\uFFFD'],
  ])('finds %s', (_label, text) => {
    expect(isIllFormed(text)).toBe(true);
  });

  it.each(['Kashan', 'Écru', '日本語', 'rug 🧶 with an emoji', ''])('takes %j', (text) => {
    expect(isIllFormed(text)).toBe(false);
  });

  it.each(['\u0000', '\u001b[2J', '\u202E', '\u2067', '\u0085', 'a\tb'])(
    'finds the control character in %j',
    (text) => {
      expect(hasControlCharacters(text)).toBe(true);
    },
  );

  it.each(['Kashan Medallion', 'Ivory/Navy', 'שטיח', 'a\u200Db'])('finds none in %j', (text) => {
    expect(hasControlCharacters(text)).toBe(false);
  });
});

describe('query string', () => {
  it('decodes as URLs do, a percent-escape that is not UTF-8 becoming U+FFFD', () => {
    expect(parseQueryString('q=kashan%ED%A0%80&limit=5')).toEqual({
      q: 'kashan\uFFFD\uFFFD\uFFFD',
      limit: '5',
    });
  });

  it('reads + as a space, and a repeated name as a list', () => {
    expect(parseQueryString('q=ivory+navy&kind=new&kind=cost&kind=price')).toEqual({
      q: 'ivory navy',
      kind: ['new', 'cost', 'price'],
    });
  });

  it('keeps __proto__ as a plain name for validation to refuse', () => {
    const query = parseQueryString('__proto__=x');
    expect(Object.keys(query)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});
