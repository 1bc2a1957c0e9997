// vitest globalSetup of the PostgreSQL project: the template every test database is cloned from.
import { buildTemplate } from "./postgres";

export default async function setup(): Promise<void> {
  await buildTemplate();
}
