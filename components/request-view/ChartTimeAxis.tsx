import './view-parts.css';

/**
 * The aligned-time axis of the request waterfall and the witness step chart (SVG): a base line at
 * `y`, a label and a dashed grid line down to `bottom` per tick, and a caption in the label
 * gutter so nobody wonders which clock the axis is in.
 */
export interface AxisTick {
  ms: number;
  /** Offset from the plot's left edge, px. */
  x: number;
  label: string;
}

interface ChartTimeAxisProps {
  ticks: readonly AxisTick[];
  /** Where the plot starts (after the label gutter) and how wide it is. */
  left: number;
  width: number;
  y: number;
  bottom: number;
}

export function ChartTimeAxis({ ticks, left, width, y, bottom }: ChartTimeAxisProps) {
  return (
    <g className="chart-axis">
      <line x1={left} x2={left + width} y1={y} y2={y} />
      {ticks.map((tick) => (
        <g key={tick.ms}>
          <line className="chart-axis__grid" x1={left + tick.x} x2={left + tick.x} y1={y} y2={bottom} />
          <text x={left + tick.x} y={y - 6} textAnchor="middle">
            {tick.label}
          </text>
        </g>
      ))}
      <text className="chart-axis__caption" x={8} y={y - 6}>
        aligned UTC
      </text>
    </g>
  );
}
