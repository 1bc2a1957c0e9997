#!/usr/bin/env node
// `spendsense …`: runs the compiled CLI (lib/cli/bin.ts bundled by bin/build-cli.mjs), building
// it first on first use after `npm ci` and whenever its sources changed.
import { compiled } from "./build-cli.mjs";

await import(await compiled("spendsense"));
