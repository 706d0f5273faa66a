import { parseArgs } from 'node:util';

export const INGEST_USAGE =
  'usage: npm run ingest -- events|accounts <file|-> [--batch-size N] [--no-copy]';

export interface IngestArgs {
  kind: 'events' | 'accounts';
  file: string;
  batchSize?: number;
  noCopy: boolean;
}

/**
 * The ingest CLI's arguments. node:util's parseArgs takes `--batch-size N` and `--batch-size=N`
 * alike and refuses unknown flags; a bad value names the flag. Throws with the usage line.
 */
export function parseIngestArgs(argv: string[]): IngestArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { 'batch-size': { type: 'string' }, 'no-copy': { type: 'boolean' } },
    });
  } catch (e) {
    throw new Error(`${(e as Error).message}\n${INGEST_USAGE}`);
  }
  const [kind, file, ...extra] = parsed.positionals;
  if ((kind !== 'events' && kind !== 'accounts') || !file || extra.length > 0)
    throw new Error(INGEST_USAGE);
  const raw = parsed.values['batch-size'];
  const batchSize = raw === undefined ? undefined : Number(raw);
  if (batchSize !== undefined && !(Number.isInteger(batchSize) && batchSize > 0))
    throw new Error(
      `--batch-size must be a positive integer, got ${JSON.stringify(raw)}\n${INGEST_USAGE}`,
    );
  return { kind, file, batchSize, noCopy: parsed.values['no-copy'] ?? false };
}
