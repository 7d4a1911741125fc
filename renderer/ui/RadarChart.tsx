// Owns the radar chart (雷达图) of a project's six dimensions, each as a share of its maximum, drawn as plain SVG.
//
// Written here rather than taken from chart.js (npm, canvas): a canvas prints as a bitmap and is opaque to screen
// readers, while ~60 lines of SVG print sharp, take colours from the stylesheet (no inline styles under the CSP),
// and add no dependency to an offline app.
interface Axis {
  id: string;
  name: string;
  score: number;
  max: number;
}

// Wider than tall: the labels left and right of the chart (投资金额, 集约性 …) need the room. Drawn at 1 SVG unit per
// CSS pixel, so the stylesheet's label size (13 px, readable) is the size on screen.
const WIDTH = 300;
const HEIGHT = 230;
const CX = WIDTH / 2;
const CY = HEIGHT / 2;
const RADIUS = 74;
const RINGS = [0.25, 0.5, 0.75, 1];

function point(i: number, count: number, share: number): [number, number] {
  const angle = -Math.PI / 2 + (2 * Math.PI * i) / count;
  return [CX + RADIUS * share * Math.cos(angle), CY + RADIUS * share * Math.sin(angle)];
}

const polygon = (shares: number[]) =>
  shares
    .map((s, i) =>
      point(i, shares.length, s)
        .map((n) => n.toFixed(1))
        .join(','),
    )
    .join(' ');

export function RadarChart({ axes, label }: { axes: Axis[]; label: string }) {
  const shares = axes.map((a) => (a.max > 0 ? Math.min(1, Math.max(0, a.score / a.max)) : 0));
  return (
    <svg className="radar-chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label} data-testid="radar-chart">
      <title>{`${label}：${axes.map((a) => `${a.name} ${a.score}/${a.max}`).join('，')}`}</title>
      {RINGS.map((r) => (
        <polygon key={r} className="radar-ring" points={polygon(axes.map(() => r))} />
      ))}
      {axes.map((a, i) => {
        const [x, y] = point(i, axes.length, 1);
        const [lx, ly] = point(i, axes.length, 1.14);
        return (
          <g key={a.id}>
            <line className="radar-axis" x1={CX} y1={CY} x2={x} y2={y} />
            <text
              className="radar-label"
              x={lx}
              y={ly}
              textAnchor={Math.abs(lx - CX) < 4 ? 'middle' : lx > CX ? 'start' : 'end'}
              dominantBaseline="middle"
            >
              {a.name}
            </text>
          </g>
        );
      })}
      <polygon className="radar-area" points={polygon(shares)} />
      {shares.map((s, i) => {
        const [x, y] = point(i, shares.length, s);
        return <circle key={axes[i]!.id} className="radar-dot" cx={x} cy={y} r={2.5} />;
      })}
    </svg>
  );
}
