// `npm run bench`: the same keystroke load against our server and the reference y-websocket
// server, then cold-open times of a document with a long history. See docs/benchmarks.md.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { repoRoot, serverBuildPath } from "../server/paths";
import { loadBenchConfig } from "./config";
import { seedHistory } from "./historySeed";
import { measureOpens, type OpenTimes } from "./historyRun";
import type { LoadPlan } from "./loadProtocol";
import { runLoad } from "./loadRun";
import { describeMachine } from "./machine";
import { agreementReport, measureAgreements } from "./agreementsRun";
import { measureValidation, validationReport } from "./validationRun";
import { measureNegotiationPage, pageBudgetBytes } from "./pageWeight";
import { loadReport, openReport, targetReport } from "./report";
import { scheduleAsUpdate, seedLoadRooms } from "./seed";
import { startOurServer, startReferenceServer, type RunningServer } from "./servers";

const log = (line: string) => console.log(line);
const running = new Set<RunningServer>();
const tempDirs: string[] = [];

async function withServer<T>(start: Promise<RunningServer>, use: (server: RunningServer) => Promise<T>): Promise<T> {
  const server = await start;
  running.add(server);
  try {
    return await use(server);
  } finally {
    await server.stop();
    running.delete(server);
  }
}

function tempDir(label: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `cg-bench-${label}-`));
  tempDirs.push(dir);
  return dir;
}

async function cleanUp() {
  await Promise.all([...running].map((s) => s.stop()));
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
}

async function main() {
  const config = loadBenchConfig();
  if (!fs.existsSync(serverBuildPath)) {
    log("No Remix build yet: running `npx remix build` once.");
    const build = spawnSync("npx", ["remix", "build"], { cwd: repoRoot, stdio: "inherit" });
    if (build.status !== 0) throw new Error("remix build failed");
  }
  log(`Machine: ${describeMachine()}`);

  log(`Seeding ${config.rooms} negotiations with ${config.clientsPerRoom} members each…`);
  const loadDir = tempDir("load");
  const rooms = await seedLoadRooms(loadDir, config.rooms, config.clientsPerRoom);
  const plan = (origin: string, cookies: boolean, seedUpdate: string | null): LoadPlan => ({
    baseUrl: `${origin.replace(/^http/, "ws")}/collab`,
    origin,
    rooms: rooms.map((r) => ({ name: r.negotiationId, cookies: cookies ? r.cookies : r.cookies.map(() => null) })),
    seedUpdate,
    updatesPerSecond: config.updatesPerSecond,
    warmupSeconds: config.warmupSeconds,
    seconds: config.seconds,
  });

  log("Load against our server:");
  const ours = await withServer(startOurServer(loadDir), (server) => runLoad(server, plan(server.origin, true, null), log));
  log("Load against the reference server (@y/websocket-server):");
  const seedUpdate = Buffer.from(scheduleAsUpdate()).toString("base64");
  const reference = await withServer(startReferenceServer(), (server) => runLoad(server, plan(server.origin, false, seedUpdate), log));
  log("");
  log(loadReport(config, ours, reference));
  for (const kind of ["keystrokes", "formatting"] as const) log(validationReport(measureValidation(kind)));
  log("");

  log(`Seeding a negotiation with ${config.historyUpdates} updates of history…`);
  const historyDir = tempDir("history");
  const seed = await seedHistory(historyDir, config.historyUpdates);
  log("Cold opens on our server:");
  const opens: OpenTimes = await withServer(startOurServer(historyDir), (server) =>
    measureOpens(server, historyDir, seed, { repeats: config.openRepeats, openTimeoutMs: config.openTimeoutSeconds * 1000 }, log),
  );

  log("");
  log(openReport(config, opens));
  log("");
  log(targetReport(ours, reference, opens));

  const weight = await measureNegotiationPage();
  if (!weight) log("SKIP  page weight: no Chromium at /usr/bin/chromium (or CHROMIUM_PATH)");
  else {
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    const verdict = weight.scriptBytes <= pageBudgetBytes ? "PASS" : "FAIL";
    log(`${verdict}  negotiation page JavaScript ≤ ${kb(pageBudgetBytes)} gzipped: ${kb(weight.scriptBytes)} in ${weight.scripts} scripts`);
  }

  log("");
  log("Agreements:");
  for (const line of agreementReport(await measureAgreements(tempDir("agreements"), log))) log(line);
}

let interrupted = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    void cleanUp().finally(() => process.exit(130));
  });
}

main()
  .then(cleanUp)
  .catch(async (error: unknown) => {
    console.error(error);
    await cleanUp();
    process.exit(1);
  });
