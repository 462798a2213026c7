import { type LineSeries, lineChart } from '../../../core/reports/line-chart.js';

export interface AdoptionChartProps {
  /** Unique on the page: ties the title and description to the drawing. */
  id: string;
  title: string;
  description: string;
  /** One label per x position, already in the reader's language. */
  labels: string[];
  series: Array<LineSeries & { name: string }>;
  yMax?: number | undefined;
  formatValue: (value: number) => string;
  /** Header cells of the fallback table: the x label's, then one per series. */
  tableHeads: string[];
  tableSummary: string;
}

const width = 560;
const height = 240;

/**
 * A line chart drawn on the server as SVG: no script, no CDN, and no inline style (the CSP
 * forbids it), so colours come from classes in app.css. For screen readers and for anyone who
 * wants numbers, it has a title, a description, and the same figures as a table.
 */
export function AdoptionChart(props: AdoptionChartProps) {
  const chart = lineChart({
    count: props.labels.length,
    series: props.series,
    width,
    height,
    yMax: props.yMax,
  });
  const { plot } = chart;
  const titleId = `${props.id}-title`;
  const descId = `${props.id}-desc`;
  const dots = props.labels.length <= 62;
  return (
    <figure class="chart" aria-labelledby={`${props.id}-heading`}>
      <h3 class="chart-title" id={`${props.id}-heading`}>
        {props.title}
      </h3>
      <svg
        class="chart-svg"
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        focusable="false"
      >
        <title id={titleId}>{props.title}</title>
        <desc id={descId}>{props.description}</desc>
        <g class="chart-grid">
          {chart.yTicks.map((tick) => (
            <line x1={plot.left} x2={plot.right} y1={tick.y} y2={tick.y} />
          ))}
        </g>
        <g class="chart-label">
          {chart.yTicks.map((tick) => (
            <text x={plot.left - 8} y={tick.y} text-anchor="end" dominant-baseline="middle">
              {props.formatValue(tick.value)}
            </text>
          ))}
          {chart.xTicks.map((tick, i) => (
            <text
              x={tick.x}
              y={plot.bottom + 18}
              text-anchor={
                i === 0 && chart.xTicks.length > 1
                  ? 'start'
                  : i === chart.xTicks.length - 1 && i > 0
                    ? 'end'
                    : 'middle'
              }
            >
              {props.labels[tick.index]}
            </text>
          ))}
        </g>
        {chart.lines.map((line, i) => (
          <g class={`chart-series chart-series-${(i % 5) + 1}`}>
            <path class="chart-line" d={line.path} />
            {(dots || line.points.length === 1) &&
              line.points.map((p) => <circle class="chart-dot" cx={p.x} cy={p.y} r="3" />)}
          </g>
        ))}
      </svg>
      {props.series.length > 1 && (
        <figcaption>
          <ul class="chart-legend">
            {props.series.map((s, i) => (
              <li class={`chart-legend-item chart-series-${(i % 5) + 1}`}>
                <svg class="chart-swatch" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
                  <rect width="12" height="12" rx="2" />
                </svg>
                {s.name}
              </li>
            ))}
          </ul>
        </figcaption>
      )}
      <details class="chart-data">
        <summary>{props.tableSummary}</summary>
        <div class="table-scroll">
          <table class="data-table report-compact">
            <caption class="visually-hidden">{props.title}</caption>
            <thead>
              <tr>
                {props.tableHeads.map((head) => (
                  <th scope="col">{head}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {props.labels.flatMap((label, index) =>
                props.series.every((s) => s.values[index] === null)
                  ? []
                  : [
                      <tr>
                        <th scope="row">{label}</th>
                        {props.series.map((s) => {
                          const value = s.values[index];
                          return (
                            <td class="report-number">
                              {value === null || value === undefined ? '–' : props.formatValue(value)}
                            </td>
                          );
                        })}
                      </tr>,
                    ],
              )}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
