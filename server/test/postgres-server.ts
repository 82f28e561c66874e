// Vitest global setup: a throwaway PostgreSQL server for the hub's suites (postgres-cluster.ts). Without one the
// PostgreSQL half of the suites is skipped, saying why.
import type { TestProject } from 'vitest/node';
import { startPostgresCluster } from './postgres-cluster';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The server's superuser URL, or why there is none. */
    postgres: { url: string } | { unavailable: string };
  }
}

export default async function setup(project: TestProject) {
  const cluster = await startPostgresCluster();
  if ('unavailable' in cluster) {
    project.provide('postgres', { unavailable: cluster.unavailable });
    return;
  }
  project.provide('postgres', { url: cluster.url });
  return () => cluster.stop();
}
