/**
 * The geometry of a line chart, as plain numbers and SVG path data: the page draws it as SVG with
 * classes from app.css (the CSP allows no inline styles), and this part stays testable without
 * a browser.
 */

export interface LineSeries {
  /** Stable name, used for the CSS class of the line. */
  key: string;
  /** One value per x position; null where there is no data (a day without a snapshot). */
  values: ReadonlyArray<number | null>;
}

export interface LineChartOptions {
  /** How many x positions (days); every series has this many values. */
  count: number;
  series: readonly LineSeries[];
  width: number;
  height: number;
  /** Fixed top of the y axis (100 for percentages); otherwise a round number above the data. */
  yMax?: number | undefined;
  /** At most this many labels along the x axis. */
  xLabels?: number | undefined;
}

export interface ChartPoint {
  index: number;
  x: number;
  y: number;
  value: number;
}

export interface LineChartGeometry {
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  yTicks: Array<{ value: number; y: number }>;
  xTicks: Array<{ index: number; x: number }>;
  lines: Array<{ key: string; path: string; points: ChartPoint[] }>;
}

const margin = { left: 44, top: 12, right: 16, bottom: 28 };

/** 1, 2 or 5 times a power of ten, at least `value`: axis ends people read at a glance. */
export function roundUp(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 5, 10].find((m) => m * power >= value) ?? 10;
  return step * power;
}

const round = (n: number) => Math.round(n * 10) / 10;

/** Lays out the chart. A gap in a series breaks its line rather than drawing across missing days. */
export function lineChart(options: LineChartOptions): LineChartGeometry {
  const { count, series, width, height, xLabels = 6 } = options;
  if (!Number.isInteger(count) || count < 0) throw new TypeError('count must be a whole number ≥ 0');
  if (series.some((s) => s.values.length !== count)) throw new TypeError('every series needs count values');
  const plot = {
    left: margin.left,
    top: margin.top,
    right: width - margin.right,
    bottom: height - margin.bottom,
  };
  const dataMax = Math.max(0, ...series.flatMap((s) => s.values.filter((v): v is number => v !== null)));
  // Four steps of a round size (1, 2 or 5 × 10ⁿ), so every gridline is a whole, readable number.
  const yStep = options.yMax ? options.yMax / 4 : roundUp(dataMax / 4);
  const yMax = options.yMax ?? yStep * Math.max(1, Math.ceil(dataMax / yStep));
  const x = (index: number) =>
    round(
      count <= 1
        ? (plot.left + plot.right) / 2
        : plot.left + ((plot.right - plot.left) * index) / (count - 1),
    );
  const y = (value: number) => round(plot.bottom - ((plot.bottom - plot.top) * Math.min(value, yMax)) / yMax);

  const yTicks: Array<{ value: number; y: number }> = [];
  for (let i = 0; i * yStep <= yMax + 1e-9; i++) yTicks.push({ value: round(i * yStep), y: y(i * yStep) });
  const step = Math.max(1, Math.ceil((count - 1) / Math.max(1, xLabels - 1)));
  const xTicks: Array<{ index: number; x: number }> = [];
  for (let i = 0; i < count; i += step) xTicks.push({ index: i, x: x(i) });
  const last = count - 1;
  if (count > 0 && xTicks.at(-1)?.index !== last) {
    // The last day always gets its label; drop the one before when the two would touch.
    if (xTicks.length > 1 && last - (xTicks.at(-1)?.index ?? 0) < step / 2) xTicks.pop();
    xTicks.push({ index: last, x: x(last) });
  }

  const lines = series.map(({ key, values }) => {
    const points: ChartPoint[] = [];
    let path = '';
    let drawing = false;
    values.forEach((value, index) => {
      if (value === null) {
        drawing = false;
        return;
      }
      const point = { index, x: x(index), y: y(value), value };
      points.push(point);
      path += `${path ? ' ' : ''}${drawing ? 'L' : 'M'}${point.x} ${point.y}`;
      drawing = true;
    });
    return { key, path, points };
  });
  return { width, height, plot, yTicks, xTicks, lines };
}
