import { Td } from './table';

// Reasons in a table cell without cutting them: the first one wraps inside the cell, the rest
// open on demand ("+2 more"), so a row stays short and nothing is clipped or lost.
export function ReasonsCell({ reasons, className }: { reasons: string[]; className?: string }) {
  const [first, ...rest] = reasons;
  return (
    <Td className={`min-w-56 text-xs [overflow-wrap:anywhere] ${className ?? ''}`}>
      {first ?? '—'}
      {rest.length > 0 && (
        <details className="mt-0.5">
          <summary className="cursor-pointer text-blue-700">+{rest.length} more</summary>
          <ul className="mt-0.5 list-disc space-y-0.5 pl-4">
            {rest.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </details>
      )}
    </Td>
  );
}
