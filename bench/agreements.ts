// `npm run bench:agreements`: only the agreement part of `npm run bench` (a minute, no servers).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { agreementReport, measureAgreements } from "./agreementsRun";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cg-bench-agreements-"));
try {
  for (const line of agreementReport(await measureAgreements(dir, console.log))) console.log(line);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
