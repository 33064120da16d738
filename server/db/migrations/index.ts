// The migrations in order. A new migration is a new frozen file, registered here.
import type { Migration } from 'kysely';
import * as m001 from './001_core.js';

export const migrations: Record<string, Migration> = {
  '001_core': m001,
};
