import { migrate } from '@/lib/db/migrate';
import { databaseUrl } from '@/lib/env';

const r = await migrate(databaseUrl(), (m) => console.log(m));
console.log(`migrations: ${r.applied.length} applied, ${r.skipped.length} already applied`);
