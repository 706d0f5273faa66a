// Hour-of-week heat map as plain SVG (a grid of 7 × 24 cells needs no chart library and renders on
// the server). Schedulers show as flat, even rows; people as a daytime block with quiet nights.
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

export function HeatMap({ cells, max, label }: { cells: number[][]; max: number; label: string }) {
  const cw = 22;
  const ch = 18;
  const left = 34;
  const top = 14;
  return (
    <svg
      role="img"
      aria-label={label}
      data-chart={label}
      viewBox={`0 0 ${left + 24 * cw} ${top + 7 * ch}`}
      className="w-full"
      style={{ maxHeight: 170 }}
    >
      {Array.from(
        { length: 24 },
        (_, h) =>
          h % 3 === 0 && (
            <text
              key={h}
              x={left + h * cw + cw / 2}
              y={10}
              fontSize={9}
              textAnchor="middle"
              fill="#64748b"
            >
              {h}
            </text>
          ),
      )}
      {cells.map((row, d) => (
        <g key={d}>
          <text x={0} y={top + d * ch + ch / 2 + 3} fontSize={10} fill="#64748b">
            {DAYS[d]}
          </text>
          {row.map((v, h) => (
            <rect
              key={h}
              x={left + h * cw}
              y={top + d * ch}
              width={cw - 2}
              height={ch - 2}
              rx={2}
              fill={v === 0 ? '#f1f5f9' : `rgba(37, 99, 235, ${0.12 + 0.88 * (max ? v / max : 0)})`}
            >
              <title>{`${DAYS[d]} ${h}:00 UTC — ${v} events`}</title>
            </rect>
          ))}
        </g>
      ))}
    </svg>
  );
}
