import { inject } from 'vitest';

// Point lib/env.ts (read lazily) at the run's fresh database before any test module connects.
process.env.DATABASE_URL = inject('databaseUrl');
