// Owns the spread chart (评分离散度): one row per dimension, each expert's score as a dot on a 0–maximum scale and the
// value in force as a bar, as plain SVG that prints sharp (colours from the stylesheet, like RadarChart).
import type { DimensionAggregate } from '../../../shared/panelAggregate';

const WIDTH = 560;
const LABEL = 96;
const RIGHT = 16;
const ROW = 30;
const TOP = 22;

export function StripPlot({ dimensions, warned, label }: { dimensions: DimensionAggregate[]; warned: Set<string>; label: string }) {
  const height = TOP + ROW * dimensions.length + 8;
  const x = (score: number, max: number) => LABEL + (WIDTH - LABEL - RIGHT) * (max > 0 ? score / max : 0);
  return (
    <svg className="strip-plot" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={label} data-testid="strip-plot">
      <title>{`${label}：${dimensions.map((d) => `${d.name} ${d.scores.map((s) => s.score).join('、')}（满分 ${d.maxPoints}）`).join('；')}`}</title>
      {[0, 0.25, 0.5, 0.75, 1].map((share) => (
        <g key={share}>
          <line className="strip-grid" x1={x(share, 1)} x2={x(share, 1)} y1={TOP - 6} y2={height - 8} />
          <text className="strip-tick" x={x(share, 1)} y={TOP - 10} textAnchor="middle">{`${share * 100}%`}</text>
        </g>
      ))}
      {dimensions.map((d, row) => {
        const y = TOP + ROW * row + ROW / 2;
        // Equal scores are spread vertically so each expert's dot stays visible.
        const seen = new Map<number, number>();
        return (
          <g key={d.id} data-dimension={d.id}>
            <text className="strip-label" x={LABEL - 8} y={y} textAnchor="end" dominantBaseline="middle">
              {d.name}
            </text>
            <line className="strip-axis" x1={x(0, 1)} x2={x(1, 1)} y1={y} y2={y} />
            {d.inForce && (
              <line
                className="strip-mean"
                x1={x(d.inForce.value, d.maxPoints)}
                x2={x(d.inForce.value, d.maxPoints)}
                y1={y - 10}
                y2={y + 10}
              />
            )}
            {d.scores.map((s) => {
              const k = seen.get(s.score) ?? 0;
              seen.set(s.score, k + 1);
              const dy = k === 0 ? 0 : (k % 2 ? -1 : 1) * Math.ceil(k / 2) * 5;
              return (
                <circle
                  key={s.expertId}
                  className={`strip-dot${warned.has(`${d.id}:${s.expertId}`) ? ' warned' : ''}`}
                  cx={x(s.score, d.maxPoints)}
                  cy={y + dy}
                  r={4}
                >
                  <title>{`${s.name}：${s.score}`}</title>
                </circle>
              );
            })}
          </g>
        );
      })}
    </svg>
  );
}
