import type { Dimensions, RugShape } from './sheet-product';

/** A size as the store prints it and keeps it, or why the sheet's text is not a size. */
export type SizeResult =
  | { readonly ok: true; readonly dimensions: Dimensions; readonly display: string }
  | { readonly ok: false; readonly reason: string };

/** Feet(.inches) or centimetres: what a number without a unit means on a given sheet. */
export type BareSizeUnit = 'ft' | 'cm';

const CM_PER_INCH = 2.54;
/** 100 m: longer than any runner, so a bigger number is a typo or a wrong column. */
const MAX_CM = 10_000;

const SHAPE_WORDS: Readonly<Record<string, RugShape>> = {
  round: 'round',
  circle: 'round',
  oval: 'oval',
  square: 'square',
  runner: 'runner',
  octagon: 'octagon',
  octagonal: 'octagon',
  rectangle: 'rectangle',
  rectangular: 'rectangle',
  rect: 'rectangle',
};
const SHAPE_PATTERN = new RegExp(`\\b(${Object.keys(SHAPE_WORDS).join('|')})\\b`, 'g');

/** Shapes whose single number is both width and length (`8' round`). */
const ONE_NUMBER_SHAPES: ReadonlySet<RugShape> = new Set(['round', 'square', 'octagon']);

const SHAPE_LABEL: Readonly<Record<RugShape, string>> = {
  rectangle: '',
  round: 'Round',
  oval: 'Oval',
  square: 'Square',
  runner: 'Runner',
  octagon: 'Octagon',
};

type Unit = 'ft' | 'in' | 'cm' | 'm' | 'mm';
const CM_PER_METRIC_UNIT: Readonly<Record<'cm' | 'm' | 'mm', number>> = { cm: 1, m: 100, mm: 0.1 };

/** One side of a size: total inches for imperial input (so the display keeps the vendor's inches). */
interface Measure {
  readonly cm: number;
  readonly inches: number | null;
}

type PartResult = { ok: true; measure: Measure } | { ok: false; reason: string };

const NUMBER = String.raw`(\d+(?:[.,]\d+)?)`;
const FEET_MARK = String.raw`(?:'|ft\.?|feet|foot)`;
const INCH_MARK = String.raw`(?:"|''|in\.?|inch|inches)`;
/** `5'3"`, `5' 3"`, `5'-3"`, `5ft 3in`, `5'3`, `8'`, `8 ft`. */
const FEET_INCHES = new RegExp(
  String.raw`^${NUMBER}\s*${FEET_MARK}\s*-?\s*(?:${NUMBER}\s*${INCH_MARK}?)?$`,
);
const INCHES_ONLY = new RegExp(String.raw`^${NUMBER}\s*${INCH_MARK}$`);
const METRIC = new RegExp(String.raw`^${NUMBER}\s*(cm|mm|m|metres?|meters?)$`);
const BARE = /^(\d+)(?:[.,](\d+))?$/;

/**
 * Reads a size in any of the notations vendors use: `5'3" x 7'6"`, `5.3x7.6` (feet.inches, the
 * trade's shorthand, when bare numbers mean feet), `5x8`, `160x230 cm`, `1.6x2.3 m`, `8' round`,
 * `2'6" x 10' runner`, `200 cm round`. Width is the first number, length the second.
 *
 * `shape` is a separate shape column's value, used when the text itself names no shape.
 */
export function parseSize(text: string, bareUnit: BareSizeUnit, shape?: string): SizeResult {
  const original = text.trim();
  if (original === '') return fail('no size given');
  let normalized = normalize(original);

  let shapeFound: RugShape | undefined;
  for (const match of normalized.matchAll(SHAPE_PATTERN)) {
    const found = SHAPE_WORDS[match[1]];
    if (shapeFound !== undefined && shapeFound !== found) {
      return fail(`two shapes in '${original}'`);
    }
    shapeFound = found;
  }
  normalized = normalized.replace(SHAPE_PATTERN, ' ').replace(/\s+/g, ' ').trim();

  let rugShape = shapeFound;
  if (rugShape === undefined && shape !== undefined && shape.trim() !== '') {
    const fromColumn = shapeOf(shape);
    if (fromColumn === undefined) return fail(`unknown shape '${shape.trim()}'`);
    rugShape = fromColumn;
  }

  const parts = normalized.split(/ ?x ?/);
  if (normalized === '' || parts.length > 2 || parts.some((p) => p === '')) {
    return fail(`unrecognised size notation: '${original}'`);
  }
  const units = parts.map(explicitUnit);
  if (units.some((u) => u === 'invalid')) return fail(`unrecognised size notation: '${original}'`);
  // `160x230 cm`, `5x8 ft`: a unit written once applies to the other number too.
  const written = units.find((u): u is Unit => u !== null && u !== 'invalid');
  const measures: Measure[] = [];
  for (const part of parts) {
    const result = readPart(part, written ?? bareUnit, original);
    if (!result.ok) return result;
    measures.push(result.measure);
  }
  return finish(measures, rugShape ?? 'rectangle', original);
}

/**
 * For sheets with width, length and shape in separate columns; each number may itself be
 * `5'3"`, `5.3` (feet.inches when `unit` is feet) or `160`. Round, square and octagonal rugs may
 * leave the length blank.
 */
export function dimensionsFromParts(
  width: string,
  length: string | undefined,
  shape: string | undefined,
  unit: BareSizeUnit,
): SizeResult {
  const widthText = width.trim();
  const lengthText = length?.trim() ?? '';
  const shapeText = shape?.trim() ?? '';
  const quoted = [widthText, lengthText].filter((t) => t !== '').join(' x ');
  if (widthText === '') return fail('width is missing');

  let rugShape: RugShape = 'rectangle';
  if (shapeText !== '') {
    const found = shapeOf(shapeText);
    if (found === undefined) return fail(`unknown shape '${shapeText}'`);
    rugShape = found;
  }

  const measures: Measure[] = [];
  for (const part of lengthText === '' ? [widthText] : [widthText, lengthText]) {
    const normalized = normalize(part);
    const unitWritten = explicitUnit(normalized);
    if (unitWritten === 'invalid') return fail(`unrecognised size notation: '${part}'`);
    const result = readPart(normalized, unitWritten ?? unit, quoted);
    if (!result.ok) return result;
    measures.push(result.measure);
  }
  if (measures.length === 1 && !ONE_NUMBER_SHAPES.has(rugShape)) return fail('length is missing');
  return finish(measures, rugShape, quoted);
}

/** The shape a shape column names (`Round`, `Runner`, `Rectangular`), or undefined. */
export function shapeOf(text: string): RugShape | undefined {
  const key = text.trim().toLowerCase();
  return Object.hasOwn(SHAPE_WORDS, key) ? SHAPE_WORDS[key] : undefined;
}

function normalize(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[’‘′`´]/g, "'")
      .replace(/[”“″]/g, '"')
      .replace(/[×*]/g, 'x')
      // Spaces collapse before ` by ` is found: `\s+by\s+` is quadratic on a long run of spaces.
      .replace(/\s+/g, ' ')
      .replace(/ by /g, ' x ')
      .replace(/[()]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** The unit a part names itself, null for a bare number, 'invalid' when it is no measurement. */
function explicitUnit(part: string): Unit | null | 'invalid' {
  if (BARE.test(part)) return null;
  if (FEET_INCHES.test(part)) return 'ft';
  if (INCHES_ONLY.test(part)) return 'in';
  const metric = METRIC.exec(part);
  if (metric !== null) {
    const word = metric[2];
    return word === 'cm' || word === 'mm' ? word : 'm';
  }
  return 'invalid';
}

function readPart(part: string, unit: Unit, original: string): PartResult {
  const feetInches = FEET_INCHES.exec(part);
  if (feetInches !== null) {
    // An explicit foot mark with a decimal (`5.5'`) is decimal feet; only bare numbers follow the trade's feet.inches.
    const feet = decimal(feetInches[1]);
    const inches = feetInches[2] === undefined ? 0 : decimal(feetInches[2]);
    if (inches >= 12) return fail(`inches must be below 12 in '${original}'`);
    return imperial(feet * 12 + inches, original);
  }
  const inchesOnly = INCHES_ONLY.exec(part);
  if (inchesOnly !== null) return imperial(decimal(inchesOnly[1]), original);
  const metric = METRIC.exec(part);
  if (metric !== null) {
    const metricUnit = explicitUnit(part) as 'cm' | 'm' | 'mm';
    return metricMeasure(decimal(metric[1]) * CM_PER_METRIC_UNIT[metricUnit], original);
  }
  const bare = BARE.exec(part);
  if (bare === null) return fail(`unrecognised size notation: '${original}'`);
  switch (unit) {
    case 'ft': {
      // The trade writes 5'3" as 5.3: the digits after the point are inches, not tenths of a foot.
      const inches = bare[2] === undefined ? 0 : Number(bare[2]);
      if (inches >= 12) return fail(`inches must be below 12 in '${original}'`);
      return imperial(Number(bare[1]) * 12 + inches, original);
    }
    case 'in':
      return imperial(decimal(part), original);
    default:
      return metricMeasure(decimal(part) * CM_PER_METRIC_UNIT[unit], original);
  }
}

function decimal(text: string): number {
  return Number(text.replace(',', '.'));
}

function imperial(inches: number, original: string): PartResult {
  return checked({ cm: roundTenth(inches * CM_PER_INCH), inches }, original);
}

function metricMeasure(cm: number, original: string): PartResult {
  return checked({ cm: roundTenth(cm), inches: null }, original);
}

function checked(measure: Measure, original: string): PartResult {
  if (!(measure.cm > 0)) return fail('size must be positive');
  if (measure.cm > MAX_CM) return fail(`size is larger than 100 m: '${original}'`);
  return { ok: true, measure };
}

function finish(measures: readonly Measure[], shape: RugShape, original: string): SizeResult {
  const metric = measures.map((m) => m.inches === null);
  if (metric.some((m) => m !== metric[0])) {
    return fail(`size mixes metric and imperial units: '${original}'`);
  }
  const width = measures[0];
  let length = measures[1];
  if (length === undefined) {
    if (!ONE_NUMBER_SHAPES.has(shape)) {
      return fail(
        shape === 'rectangle'
          ? `one number is a size only for a round, square or octagonal rug: '${original}'`
          : `a ${shape} needs a width and a length: '${original}'`,
      );
    }
    length = width;
  }
  const single = ONE_NUMBER_SHAPES.has(shape) && width.cm === length.cm;
  const sides = single ? [width] : [width, length];
  const numbers = metric[0]
    ? `${sides.map((m) => formatTenth(m.cm)).join(' x ')} cm`
    : sides.map((m) => feetAndInches(m.inches ?? 0)).join(' x ');
  const label = SHAPE_LABEL[shape];
  return {
    ok: true,
    dimensions: { widthCm: width.cm, lengthCm: length.cm, shape },
    display: label === '' ? numbers : `${numbers} ${label}`,
  };
}

/** `5'3"`, `8'`, `9"`: how the store prints a side. */
function feetAndInches(totalInches: number): string {
  const rounded = roundTenth(totalInches);
  const feet = Math.floor(rounded / 12);
  const inches = roundTenth(rounded - feet * 12);
  if (feet === 0) return `${formatTenth(inches)}"`;
  return inches === 0 ? `${feet}'` : `${feet}'${formatTenth(inches)}"`;
}

function roundTenth(value: number): number {
  return Math.round(value * 10) / 10;
}

function formatTenth(value: number): string {
  return String(roundTenth(value));
}

function fail(reason: string): { ok: false; reason: string } {
  return { ok: false, reason };
}
