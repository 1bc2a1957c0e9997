// vitest globalSetup of the PostgreSQL project: the template every test database is cloned from,
// and, when the run ends, dropping whatever test databases it left.
import { beginTestRun, buildTemplate, dropRunDatabases } from "./postgres";

export default async function setup(): Promise<() => Promise<void>> {
  beginTestRun();
  await buildTemplate();
  return dropRunDatabases;
}
