export { createDb, type Db, type DbConfig, type Scope, type Tx } from './client.ts';
export { DataDirInUseError } from './lock.ts';
export { type MigrationResult, migrate } from './migrate.ts';
export type * from './tables.ts';
