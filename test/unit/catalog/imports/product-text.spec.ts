import { normalizeLabel, normalizeName } from '../../../../src/catalog/imports/product-text';

describe('product text', () => {
  describe('normalizeName', () => {
    it.each([
      ['KASHAN MEDALLION', 'Kashan Medallion'],
      ['kashan medallion', 'Kashan Medallion'],
      ['  Kashan \t  Medallion\u00a0 Rug  ', 'Kashan Medallion Rug'],
      [`KASHAN MEDALLION IVORY/NAVY 5'3" X 7'6"`, `Kashan Medallion Ivory/Navy 5'3" x 7'6"`],
      ['kashan 5x8 rug', 'Kashan 5x8 Rug'],
      ['KASHAN 5X8', 'Kashan 5X8'],
      [
        'GARDEN OF PARADISE WITH BORDER IN BLUE AND GOLD',
        'Garden of Paradise with Border in Blue and Gold',
      ],
      ['OF MICE AND MEN', 'Of Mice and Men'],
      ['NR-KAS-0508 KASHAN', 'NR-KAS-0508 Kashan'],
      ['HAND-KNOTTED WOOL', 'Hand-Knotted Wool'],
      ["CHILDREN'S RUG", "Children's Rug"],
      ['HERITAGE II', 'Heritage II'],
      ['KASHAN (GREY)', 'Kashan (Grey)'],
      ['ÉCRU TAPIS', 'Écru Tapis'],
      // Mixed case that looks deliberate stays as typed.
      ['McKenzie Kashan', 'McKenzie Kashan'],
      ['iPad', 'iPad'],
      ['Kashan medallion', 'Kashan medallion'],
      [
        'Kashan Medallion, Ivory/Navy, 5\'3" x 7\'6"',
        'Kashan Medallion, Ivory/Navy, 5\'3" x 7\'6"',
      ],
    ])('tidies %j', (text, expected) => {
      expect(normalizeName(text)).toBe(expected);
    });

    it.each(['', '   ', '\t\n'])('is null for blank %j', (text) => {
      expect(normalizeName(text)).toBeNull();
    });
  });

  describe('normalizeLabel', () => {
    it.each([
      ['ivory/navy', 'Ivory/Navy'],
      ['IVORY-NAVY', 'Ivory-Navy'],
      ['IVORY / NAVY', 'Ivory/Navy'],
      ['Ivory / Navy', 'Ivory/Navy'],
      ['  wool  ', 'Wool'],
      ['NEW ZEALAND WOOL', 'New Zealand Wool'],
      ['hand-knotted wool & silk', 'Hand-Knotted Wool & Silk'],
      ['polypropylene/polyester', 'Polypropylene/Polyester'],
      ['Blue/Multi', 'Blue/Multi'],
      ['deLaney', 'deLaney'],
    ])('tidies %j', (text, expected) => {
      expect(normalizeLabel(text)).toBe(expected);
    });

    it('is null for blank', () => {
      expect(normalizeLabel(' ')).toBeNull();
    });
  });
});
