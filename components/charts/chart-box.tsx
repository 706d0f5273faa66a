// A titled chart: the title names what is drawn, the note says how to read it.
export function ChartBox({
  title,
  note,
  children,
}: {
  title: string;
  note: string;
  children: React.ReactNode;
}) {
  return (
    <figure className="rounded border border-slate-100 p-2">
      <figcaption className="mb-1 flex items-baseline justify-between gap-2 text-sm">
        <span className="font-medium">{title}</span>
        <span className="text-right text-xs text-slate-600">{note}</span>
      </figcaption>
      {children}
    </figure>
  );
}
