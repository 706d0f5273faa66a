import { defineConfig } from 'prisma/config';

// Prisma 7 reads the connection URL from here, not from schema.prisma. Migrations are applied by
// our own runner (lib/db/migrate.ts) because the CLI's schema engine cannot be downloaded offline;
// users who have the engine can still run `prisma migrate status` against the same database.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres' },
});
