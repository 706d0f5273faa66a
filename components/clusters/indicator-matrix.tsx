import type { IndicatorMatrix as Matrix } from '@/lib/queries/cluster-indicators';
import { PanelEmpty } from '@/components/charts/panel';

// Members (rows) × shared indicators (columns); a filled cell means the member holds it. Column
// headers show how many accounts hold the indicator overall: the rarer, the stronger the link.
export function IndicatorMatrix({ m }: { m: Matrix }) {
  if (m.indicators.length === 0)
    return <PanelEmpty>No indicator is shared by two or more members.</PanelEmpty>;
  const held = m.indicators.map((i) => new Set(i.accounts));
  return (
    <div
      className="overflow-auto"
      style={{ maxHeight: '28rem' }}
      // a scrolling region must be reachable by keyboard to be scrolled (WCAG 2.1.1)
      tabIndex={0}
      role="region"
      aria-label="Shared indicators (scrolls)"
    >
      <table className="text-xs" aria-label="Shared indicators">
        <thead>
          <tr>
            <th className="sticky left-0 bg-white" />
            {m.indicators.map((i) => (
              <th
                key={`${i.kind}:${i.value}`}
                className="h-36 w-6 align-bottom font-normal"
                title={`${i.kind} = ${i.value}: ${i.members} members, ${i.global} accounts overall`}
              >
                <div className="w-6 origin-bottom-left translate-x-3 -rotate-60 whitespace-nowrap text-slate-600">
                  <span className="text-slate-600">{i.kind}</span>{' '}
                  {i.value.length > 22 ? `${i.value.slice(0, 21)}…` : i.value}
                </div>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {m.accounts.map((a) => (
            <tr key={a}>
              <th
                scope="row"
                className="sticky left-0 bg-white pr-2 text-left font-mono font-normal"
              >
                {a}
              </th>
              {m.indicators.map((i, k) => (
                <td key={`${i.kind}:${i.value}`} className="p-0.5">
                  <div
                    className={`h-4 w-5 rounded-sm ${held[k].has(a) ? (i.global <= i.members ? 'bg-red-500' : 'bg-amber-400') : 'bg-slate-100'}`}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-2 text-xs text-slate-600">
        <span className="mr-1 inline-block h-2 w-3 bg-red-500" />
        held only by members · <span className="mx-1 inline-block h-2 w-3 bg-amber-400" />
        also held outside the cluster
      </p>
    </div>
  );
}
