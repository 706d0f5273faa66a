import { Table, TableFrame, TBody, Td, Th, THead, Tr } from '@/components/ui/table';
import type { PurgeResult } from '@/lib/cases/retention/purge';

/** A dry run's figures: what a purge would delete now, per partition, and what holds keep. */
export function PurgePreview({ r }: { r: PurgeResult }) {
  if (r.raw_event_days === null)
    return <p className="mt-3 text-sm">No retention period is set: a purge deletes nothing.</p>;
  return (
    <div className="mt-3 flex flex-col gap-2 text-sm" aria-label="Purge preview" role="group">
      <p>
        A purge now would delete <strong>{r.deleted.toLocaleString('en')}</strong> events older than{' '}
        {r.cutoff?.slice(0, 10)} and keep {r.kept_for_hold.toLocaleString('en')} of{' '}
        {r.held_accounts} held accounts.
      </p>
      {r.partitions.length > 0 && (
        <TableFrame>
          <Table>
            <THead>
              <Tr>
                <Th>Partition</Th>
                <Th>How</Th>
                <Th numeric>Deleted</Th>
                <Th numeric>Kept for holds</Th>
              </Tr>
            </THead>
            <TBody>
              {r.partitions.map((p) => (
                <Tr key={p.partition}>
                  <Td>{p.partition}</Td>
                  <Td>{p.mode === 'drop' ? 'drop the partition' : 'delete rows'}</Td>
                  <Td numeric>{p.deleted.toLocaleString('en')}</Td>
                  <Td numeric>{p.kept_for_hold.toLocaleString('en')}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        </TableFrame>
      )}
    </div>
  );
}
