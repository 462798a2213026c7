import { describe, expect, it } from 'vitest';
import { lineChart, roundUp } from './line-chart.js';

describe('roundUp', () => {
  it.each([
    [0, 1],
    [1, 1],
    [3, 5],
    [7, 10],
    [12, 20],
    [48, 50],
    [51, 100],
    [1200, 2000],
  ])('%d → %d', (value, top) => {
    expect(roundUp(value)).toBe(top);
  });
});

describe('lineChart', () => {
  const base = { width: 460, height: 240, yMax: 100 };
  // Plot area: x from 44 to 444, y from 12 (100 %) to 212 (0 %).

  it('spreads the days over the width and maps values onto the height', () => {
    const chart = lineChart({ ...base, count: 3, series: [{ key: 'share', values: [0, 50, 100] }] });
    expect(chart.plot).toEqual({ left: 44, top: 12, right: 444, bottom: 212 });
    expect(chart.lines[0]?.path).toBe('M44 212 L244 112 L444 12');
    expect(chart.yTicks.map((t) => [t.value, t.y])).toEqual([
      [0, 212],
      [25, 162],
      [50, 112],
      [75, 62],
      [100, 12],
    ]);
  });

  it('breaks a line at a missing day instead of drawing across it', () => {
    const chart = lineChart({ ...base, count: 5, series: [{ key: 's', values: [10, 20, null, 40, 50] }] });
    expect(chart.lines[0]?.path).toBe('M44 192 L144 172 M344 132 L444 112');
    expect(chart.lines[0]?.points.map((p) => p.index)).toEqual([0, 1, 3, 4]);
  });

  it('centers a single day and draws nothing for none', () => {
    expect(
      lineChart({ ...base, count: 1, series: [{ key: 's', values: [40] }] }).lines[0]?.points[0]?.x,
    ).toBe(244);
    const empty = lineChart({ ...base, count: 0, series: [{ key: 's', values: [] }] });
    expect(empty.lines[0]?.path).toBe('');
    expect(empty.xTicks).toEqual([]);
  });

  it('puts gridlines for counts on whole, round numbers just above the data', () => {
    const chart = lineChart({ width: 460, height: 240, count: 2, series: [{ key: 'a', values: [3, 7] }] });
    expect(chart.yTicks.map((t) => t.value)).toEqual([0, 2, 4, 6, 8]);
    expect(chart.lines[0]?.points.map((p) => p.y)).toEqual([137, 37]);
    const larger = lineChart({ width: 460, height: 240, count: 1, series: [{ key: 'a', values: [24] }] });
    expect(larger.yTicks.map((t) => t.value)).toEqual([0, 10, 20, 30]);
    const none = lineChart({ width: 460, height: 240, count: 1, series: [{ key: 'a', values: [0] }] });
    expect(none.yTicks.map((t) => t.value)).toEqual([0, 1]);
  });

  it('labels at most the asked number of days, always the first and the last', () => {
    const values = Array.from({ length: 90 }, (_, i) => i);
    const chart = lineChart({ ...base, count: 90, series: [{ key: 's', values }], xLabels: 6 });
    expect(chart.xTicks.length).toBeLessThanOrEqual(6);
    expect(chart.xTicks[0]?.index).toBe(0);
    expect(chart.xTicks.at(-1)?.index).toBe(89);
  });

  it('refuses series that do not fit the day count', () => {
    expect(() => lineChart({ ...base, count: 2, series: [{ key: 's', values: [1] }] })).toThrow(TypeError);
  });
});
