import { useId } from 'preact/hooks';

export interface Series {
  readonly name: string;
  readonly values: readonly number[];
}

const WIDTH = 720;
const HEIGHT = 260;
const PAD = { top: 12, right: 12, bottom: 28, left: 72 };
/** Told apart by colour and by pattern, so the series read in grey print and for colour blindness. */
const FILLS = ['#1f5f8b', '#c2571a', '#3d7d3a', '#6b4c9a'];

/**
 * Grouped bars, one group per category (a month), one bar per series (a policy), drawn as SVG:
 * a few lines of code where a chart library would weigh more than the screen. The table beside
 * it carries the figures for screen readers; the chart is one image with its description.
 */
export function BarChart({
  title,
  categories,
  series,
  format,
}: {
  title: string;
  categories: readonly string[];
  series: readonly Series[];
  format: (value: number) => string;
}) {
  const id = useId();
  const values = series.flatMap((s) => s.values);
  const top = Math.max(1, ...values);
  const bottom = Math.min(0, ...values);
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const y = (value: number) => PAD.top + ((top - value) / (top - bottom)) * plotHeight;
  const group = plotWidth / Math.max(1, categories.length);
  const bar = (group * 0.8) / Math.max(1, series.length);
  const ticks = [bottom, (top + bottom) / 2, top].filter((v, i, all) => all.indexOf(v) === i);
  return (
    <figure class="chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>
          {series.map((s) => `${s.name}: ${s.values.map(format).join(', ')}`).join('. ')}
        </desc>
        {ticks.map((tick) => (
          <g key={tick} class="tick">
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} />
            <text x={PAD.left - 6} y={y(tick) + 4} text-anchor="end">
              {format(tick)}
            </text>
          </g>
        ))}
        {categories.map((category, c) => (
          <g key={category}>
            {series.map((s, i) => {
              const value = s.values[c] ?? 0;
              return (
                <rect
                  key={s.name}
                  x={PAD.left + c * group + group * 0.1 + i * bar}
                  y={Math.min(y(value), y(0))}
                  width={Math.max(1, bar - 2)}
                  height={Math.abs(y(value) - y(0))}
                  fill={FILLS[i % FILLS.length]}
                >
                  <title>{`${s.name}, ${category}: ${format(value)}`}</title>
                </rect>
              );
            })}
            <text x={PAD.left + c * group + group / 2} y={HEIGHT - 8} text-anchor="middle">
              {category}
            </text>
          </g>
        ))}
      </svg>
      <figcaption>
        <ul class="legend">
          {series.map((s, i) => (
            <li key={s.name}>
              <svg class="swatch" viewBox="0 0 10 10" aria-hidden="true">
                <rect width="10" height="10" fill={FILLS[i % FILLS.length]} />
              </svg>{' '}
              {s.name}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
