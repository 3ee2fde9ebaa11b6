// Bundle the card into the one file the integration serves. Deterministic: the same sources and
// lockfile give the same bytes (tests/test_card_bundle.py checks the committed file).
//   node build.mjs                     writes ../custom_components/ai_automation/frontend/ai-automation-card.js
//   node build.mjs --outfile=PATH      writes PATH instead
import { build } from "esbuild";

const outArg = process.argv.find((arg) => arg.startsWith("--outfile="));
const outfile = outArg
  ? outArg.slice("--outfile=".length)
  : "../custom_components/ai_automation/frontend/ai-automation-card.js";

await build({
  entryPoints: ["src/ai-automation-card.ts"],
  bundle: true,
  format: "esm",
  target: "es2021",
  minify: true,
  legalComments: "eof", // lit is BSD-3-Clause: its notices stay in the bundle,
  charset: "utf8",
  outfile,
  logLevel: "warning",
});
