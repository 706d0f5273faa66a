import type { IndicatorMatrix as Matrix } from '@/lib/queries/cluster-indicators';
import { PanelEmpty } from '@/components/charts/panel';

const LABEL_MAX = 26;

// Members (rows) × shared indicators (columns); a filled cell means the member holds it. Column
// labels run bottom-to-top (vertical writing mode), so each takes exactly its column's width and
// every column fits; a label longer than the header is shortened and its cell's title gives the
// whole value. The region scrolls both ways with the member column and header row held in place.
export function IndicatorMatrix({ m }: { m: Matrix }) {
  if (m.indicators.length === 0)
    return <PanelEmpty>No indicator is shared by two or more members.</PanelEmpty>;
  const held = m.indicators.map((i) => new Set(i.accounts));
  return (
    <div
      className="overflow-auto"
      style={{ maxHeight: '32rem' }}
      // a scrolling region must be reachable by keyboard to be scrolled (WCAG 2.1.1)
      tabIndex={0}
      role="region"
      aria-label="Shared indicators (scrolls)"
    >
      <table
        className="border-separate border-spacing-0 text-xs"
        aria-label="Shared indicators"
        data-indicators={m.indicators.length}
      >
        <thead>
          <tr>
            <th className="sticky top-0 left-0 z-20 bg-white pr-2 text-left align-bottom font-normal text-slate-600">
              Member ↓ · indicator →
            </th>
            {m.indicators.map((i) => {
              const label = `${i.kind}: ${i.value}`;
              const short = label.length > LABEL_MAX ? `${label.slice(0, LABEL_MAX - 1)}…` : label;
              return (
                <th
                  key={`${i.kind}:${i.value}`}
                  scope="col"
                  data-testid="indicator-col"
                  data-truncated={short !== label ? 'true' : undefined}
                  className="sticky top-0 z-10 h-44 w-6 min-w-6 bg-white px-0.5 pb-1 align-bottom font-normal"
                  title={`${label} — held by ${i.members} members, ${i.global} accounts overall`}
                >
                  <span
                    className="inline-block rotate-180 whitespace-nowrap text-slate-700"
                    style={{ writingMode: 'vertical-rl' }}
                  >
                    <span className="text-slate-500">{i.kind}:</span>{' '}
                    {short.slice(i.kind.length + 2)}
                  </span>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {m.accounts.map((a) => (
            <tr key={a}>
              <th
                scope="row"
                className="sticky left-0 z-10 bg-white pr-2 text-left font-mono font-normal"
              >
                {a}
              </th>
              {m.indicators.map((i, k) => (
                <td key={`${i.kind}:${i.value}`} className="p-0.5">
                  <div
                    className={`mx-auto h-4 w-5 rounded-sm ${held[k].has(a) ? (i.global <= i.members ? 'bg-red-500' : 'bg-amber-400') : 'bg-slate-100'}`}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="sticky left-0 mt-2 text-xs text-slate-600">
        <span className="mr-1 inline-block h-2 w-3 bg-red-500" />
        held only by members · <span className="mx-1 inline-block h-2 w-3 bg-amber-400" />
        also held outside the cluster · all {m.indicators.length} shared indicators shown; hover a
        label for its full value and counts
      </p>
    </div>
  );
}
