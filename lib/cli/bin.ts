// The `spendsense` process: bin/spendsense.mjs runs the compiled form of this file.
import { finish } from "./finish";
import { main } from "./index";
import { processSingleton } from "../db/process-singleton";

// Log lines (lib/observability/log.ts) go to stderr: stdout is the command's output (`show --json | jq`).
processSingleton("log-stream", () => process.stderr);

main(process.argv.slice(2)).then(finish);
