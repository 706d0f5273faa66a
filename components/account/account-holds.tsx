import Link from 'next/link';
import type { AccountHoldView } from '@/lib/queries/holds';

/**
 * The account's active legal holds, above its signals: its events are kept whatever the retention
 * period. A hold through a restricted case the viewer may not open shows without its case.
 */
export function AccountHolds({ holds }: { holds: AccountHoldView[] }) {
  if (holds.length === 0) return null;
  return (
    <section
      aria-label="Legal hold"
      className="mb-4 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950"
    >
      <h2 className="font-semibold">Under legal hold: events are kept, never purged</h2>
      <ul className="mt-1 flex flex-col gap-1">
        {holds.map((h, i) => (
          <li key={h.case_id || `restricted-${i}`}>
            {h.visible ? (
              <>
                <Link className="underline" href={`/cases/${h.case_id}`}>
                  Case #{h.case_number}
                </Link>
                , since {h.set_at.slice(0, 10)}: {h.reason}
              </>
            ) : (
              <>Through a restricted case, since {h.set_at.slice(0, 10)}</>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
