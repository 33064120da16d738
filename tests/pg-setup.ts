// vitest global setup: databases left by an earlier, interrupted run are dropped before the tests, and
// the run's own after them (a no-op without YANPAN_TEST_PG).
import { dropTestDatabases } from './test-db.js';

export async function setup(): Promise<void> {
  await dropTestDatabases();
}

export async function teardown(): Promise<void> {
  await dropTestDatabases();
}
