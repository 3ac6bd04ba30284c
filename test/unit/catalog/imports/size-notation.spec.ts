import {
  dimensionsFromParts,
  parseSize,
  shapeOf,
} from '../../../../src/catalog/imports/size-notation';

describe('size notation', () => {
  describe('parseSize', () => {
    it.each([
      // feet and inches, every way vendors type them
      [`5'3" x 7'6"`, 160, 228.6, 'rectangle', `5'3" x 7'6"`],
      [`5’3” x 7’6”`, 160, 228.6, 'rectangle', `5'3" x 7'6"`],
      [`5'3"x7'6"`, 160, 228.6, 'rectangle', `5'3" x 7'6"`],
      [`5'3"X7'6"`, 160, 228.6, 'rectangle', `5'3" x 7'6"`],
      [`5'3" × 7'6"`, 160, 228.6, 'rectangle', `5'3" x 7'6"`],
      [`5' 3" x 7' 6"`, 160, 228.6, 'rectangle', `5'3" x 7'6"`],
      [`5'-3" x 7'-6"`, 160, 228.6, 'rectangle', `5'3" x 7'6"`],
      ['5ft 3in x 7ft 6in', 160, 228.6, 'rectangle', `5'3" x 7'6"`],
      ['5 ft 3 in x 7 feet 6 inches', 160, 228.6, 'rectangle', `5'3" x 7'6"`],
      // the trade's feet.inches shorthand
      ['5.3x7.6', 160, 228.6, 'rectangle', `5'3" x 7'6"`],
      ['5.10 x 8.11', 177.8, 271.8, 'rectangle', `5'10" x 8'11"`],
      ['2.6x10 runner', 76.2, 304.8, 'runner', `2'6" x 10' Runner`],
      // whole feet
      ['5x8', 152.4, 243.8, 'rectangle', `5' x 8'`],
      ['5 x 8 ft', 152.4, 243.8, 'rectangle', `5' x 8'`],
      // metric
      ['160x230 cm', 160, 230, 'rectangle', '160 x 230 cm'],
      ['160 x 230cm', 160, 230, 'rectangle', '160 x 230 cm'],
      ['160 cm x 230 cm', 160, 230, 'rectangle', '160 x 230 cm'],
      ['1.6x2.3 m', 160, 230, 'rectangle', '160 x 230 cm'],
      ['1,6 x 2,3 m', 160, 230, 'rectangle', '160 x 230 cm'],
      ['200 cm round', 200, 200, 'round', '200 cm Round'],
      ['80 x 300.5 cm runner', 80, 300.5, 'runner', '80 x 300.5 cm Runner'],
      // shapes
      [`8' round`, 243.8, 243.8, 'round', `8' Round`],
      ['8 ft round', 243.8, 243.8, 'round', `8' Round`],
      [`8'Round`, 243.8, 243.8, 'round', `8' Round`],
      [`6' square`, 182.9, 182.9, 'square', `6' Square`],
      [`8' octagon`, 243.8, 243.8, 'octagon', `8' Octagon`],
      ['8x8 round', 243.8, 243.8, 'round', `8' Round`],
      ['5x8 oval', 152.4, 243.8, 'oval', `5' x 8' Oval`],
      ['5x8 OVAL', 152.4, 243.8, 'oval', `5' x 8' Oval`],
      [`2'6" x 10' runner`, 76.2, 304.8, 'runner', `2'6" x 10' Runner`],
      [`2'6" x 10' (Runner)`, 76.2, 304.8, 'runner', `2'6" x 10' Runner`],
      // inches alone
      ['30 x 96"', 76.2, 243.8, 'rectangle', `2'6" x 8'`],
    ])('reads %j', (text, widthCm, lengthCm, shape, display) => {
      expect(parseSize(text, 'ft')).toEqual({
        ok: true,
        dimensions: { widthCm, lengthCm, shape },
        display,
      });
    });

    it('keeps the width first even when it is the longer side', () => {
      expect(parseSize('8x5', 'ft')).toMatchObject({
        dimensions: { widthCm: 243.8, lengthCm: 152.4 },
        display: `8' x 5'`,
      });
    });

    it('reads bare numbers as centimetres on a metric sheet', () => {
      expect(parseSize('160x230', 'cm')).toEqual({
        ok: true,
        dimensions: { widthCm: 160, lengthCm: 230, shape: 'rectangle' },
        display: '160 x 230 cm',
      });
      // A written unit beats the sheet's habit.
      expect(parseSize(`5'3" x 7'6"`, 'cm')).toMatchObject({ display: `5'3" x 7'6"` });
    });

    it('takes the shape from a shape column when the text names none', () => {
      expect(parseSize('8x8', 'ft', 'Round')).toMatchObject({
        dimensions: { shape: 'round' },
        display: `8' Round`,
      });
      expect(parseSize('2.6x8', 'ft', 'RUNNER')).toMatchObject({ display: `2'6" x 8' Runner` });
      expect(parseSize('5.3x7.6', 'ft', 'Rectangle')).toMatchObject({ display: `5'3" x 7'6"` });
      expect(parseSize('240x240 cm', 'cm', 'Round')).toMatchObject({ display: '240 cm Round' });
      // The text's own shape wins.
      expect(parseSize('5x8 oval', 'ft', 'Rectangle')).toMatchObject({
        dimensions: { shape: 'oval' },
      });
      expect(parseSize('5x8', 'ft', '')).toMatchObject({ dimensions: { shape: 'rectangle' } });
    });

    it('rounds centimetres to one decimal from exact inches', () => {
      expect(parseSize(`7'9" x 9'9"`, 'ft')).toMatchObject({
        dimensions: { widthCm: 236.2, lengthCm: 297.2 },
      });
      expect(parseSize(`5'3.5" x 8'`, 'ft')).toMatchObject({
        dimensions: { widthCm: 161.3, lengthCm: 243.8 },
        display: `5'3.5" x 8'`,
      });
    });

    it.each([
      ['large', "unrecognised size notation: 'large'"],
      ['', 'no size given'],
      ['   ', 'no size given'],
      ['5x', "unrecognised size notation: '5x'"],
      ['x8', "unrecognised size notation: 'x8'"],
      ['TBD x 8', "unrecognised size notation: 'TBD x 8'"],
      ['approx. 6 x 9', "unrecognised size notation: 'approx. 6 x 9'"],
      ['8 by', "unrecognised size notation: '8 by'"],
      ['5x8x2', "unrecognised size notation: '5x8x2'"],
      ['5.12x8', "inches must be below 12 in '5.12x8'"],
      ['5.13x8', "inches must be below 12 in '5.13x8'"],
      [`5'13" x 8'`, `inches must be below 12 in '5'13" x 8''`],
      ['0x8', 'size must be positive'],
      ['5x0', 'size must be positive'],
      ['0 cm round', 'size must be positive'],
      ['20000x30000 cm', "size is larger than 100 m: '20000x30000 cm'"],
      ['400x500', "size is larger than 100 m: '400x500'"],
      [`8'`, "one number is a size only for a round, square or octagonal rug: '8''"],
      ['5 oval', "a oval needs a width and a length: '5 oval'"],
      ['160 cm x 8 ft', "size mixes metric and imperial units: '160 cm x 8 ft'"],
      ['8 round square', "two shapes in '8 round square'"],
    ])('refuses %j', (text, reason) => {
      expect(parseSize(text, 'ft')).toEqual({ ok: false, reason });
    });

    it('refuses a shape column it does not know', () => {
      expect(parseSize('5x8', 'ft', 'Freeform')).toEqual({
        ok: false,
        reason: "unknown shape 'Freeform'",
      });
    });
  });

  describe('dimensionsFromParts', () => {
    it.each([
      [['5.3', '7.6', 'Rectangle', 'ft'], 160, 228.6, 'rectangle', `5'3" x 7'6"`],
      [[`5'3"`, `7'6"`, undefined, 'ft'], 160, 228.6, 'rectangle', `5'3" x 7'6"`],
      [['5', '8', '', 'ft'], 152.4, 243.8, 'rectangle', `5' x 8'`],
      [['2.6', '10', 'Runner', 'ft'], 76.2, 304.8, 'runner', `2'6" x 10' Runner`],
      [['8', '8', 'Round', 'ft'], 243.8, 243.8, 'round', `8' Round`],
      [['8', '', 'round', 'ft'], 243.8, 243.8, 'round', `8' Round`],
      [['8', undefined, 'Square', 'ft'], 243.8, 243.8, 'square', `8' Square`],
      [['160', '230', 'Rectangle', 'cm'], 160, 230, 'rectangle', '160 x 230 cm'],
      [['240', '240', 'Round', 'cm'], 240, 240, 'round', '240 cm Round'],
      [['160 cm', '230 cm', undefined, 'ft'], 160, 230, 'rectangle', '160 x 230 cm'],
    ] as const)(
      'reads %j',
      ([width, length, shape, unit], widthCm, lengthCm, rugShape, display) => {
        expect(dimensionsFromParts(width, length, shape, unit)).toEqual({
          ok: true,
          dimensions: { widthCm, lengthCm, shape: rugShape },
          display,
        });
      },
    );

    it.each([
      [['', '8', undefined], 'width is missing'],
      [['5', '', undefined], 'length is missing'],
      [['5', undefined, 'Runner'], 'length is missing'],
      [['large', '8', undefined], "unrecognised size notation: 'large'"],
      [['5x8', '8', undefined], "unrecognised size notation: '5x8'"],
      [['5.12', '8', undefined], "inches must be below 12 in '5.12 x 8'"],
      [['0', '8', undefined], 'size must be positive'],
      [['5', '8', 'Triangle'], "unknown shape 'Triangle'"],
    ] as const)('refuses %j', ([width, length, shape], reason) => {
      expect(dimensionsFromParts(width, length, shape, 'ft')).toEqual({ ok: false, reason });
    });
  });

  it('names shapes from a shape column', () => {
    expect(
      ['Round', ' RUNNER ', 'rectangular', 'Octagonal', 'circle', 'blob'].map(shapeOf),
    ).toEqual(['round', 'runner', 'rectangle', 'octagon', 'round', undefined]);
  });
});
