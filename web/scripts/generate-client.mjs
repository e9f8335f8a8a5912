// Regenerates src/client/schema.d.ts from the product's merged OpenAPI document
// (`crm openapi`); with --check, fails when the committed file is stale.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";

const web = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const repo = resolve(web, "..");
const target = join(web, "src", "client", "schema.d.ts");
const documentPath = join(web, ".openapi.tmp.json");
const check = process.argv.includes("--check");

const uv = existsSync(join(repo, ".tools", "bin", "uv")) ? join(repo, ".tools", "bin", "uv") : "uv";
execFileSync(uv, ["run", "--frozen", "crm", "openapi", "--output", documentPath], {
  cwd: repo,
  stdio: ["ignore", "ignore", "inherit"],
});
const document = JSON.parse(readFileSync(documentPath, "utf8"));
rmSync(documentPath);
const header =
  "// Generated from the merged OpenAPI document by `npm run client:generate`. Do not edit.\n\n";
const generated = header + astToString(await openapiTS(document, { defaultNonNullable: false }));

if (check) {
  const current = existsSync(target) ? readFileSync(target, "utf8") : "";
  if (current !== generated) {
    console.error("src/client/schema.d.ts is stale: run `npm run client:generate` in web/.");
    process.exit(1);
  }
  console.log("src/client/schema.d.ts is up to date.");
} else {
  writeFileSync(target, generated);
  console.log(`wrote ${target}`);
}
