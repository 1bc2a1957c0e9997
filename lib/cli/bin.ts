// The `spendsense` process: bin/spendsense.mjs runs the compiled form of this file.
import { finish } from "./finish";
import { main } from "./index";

main(process.argv.slice(2)).then(finish);
