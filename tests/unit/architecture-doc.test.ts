import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// docs/architecture.md stays true while folders come and go: its "Folders under lib/" table must
// name every folder under lib/, and nothing in the document may name a lib/ folder that does not
// exist. (lib/generated is the Prisma client made by npm install; a checkout may not have it yet.)
const doc = readFileSync('docs/architecture.md', 'utf8');
const folders = readdirSync('lib', { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();
const tableRows = new Set([...doc.matchAll(/^\| `lib\/([a-z0-9-]+)\/` \|/gm)].map((m) => m[1]!));
const mentioned = new Set([...doc.matchAll(/lib\/([a-z0-9-]+)\//g)].map((m) => m[1]!));

describe('docs/architecture.md', () => {
  it('finds the lib/ folders and the table', () => {
    expect(folders.length).toBeGreaterThan(10);
    expect(tableRows.size).toBeGreaterThan(10);
  });

  it('has a table row for every folder under lib/', () => {
    expect(folders.filter((f) => !tableRows.has(f))).toEqual([]);
  });

  it('names no lib/ folder that does not exist', () => {
    const missing = [...mentioned].filter((f) => f !== 'generated' && !existsSync(`lib/${f}`));
    expect(missing).toEqual([]);
  });
});
