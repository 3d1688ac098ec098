import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";
import { repoRoot } from "../server/paths";

export interface RunningServer {
  name: string;
  /** http://127.0.0.1:port */
  origin: string;
  pid: number;
  output(): string;
  stop(): Promise<void>;
}

const host = "127.0.0.1";

/** Our server on `dataDir`, as `npm run serve` runs it, minus the demo seed and chatty logs. */
export function startOurServer(dataDir: string): Promise<RunningServer> {
  // BENCH_PROFILE_DIR: write a V8 CPU profile of our server there (see bench/profileSummary.ts).
  const profileDir = process.env.BENCH_PROFILE_DIR;
  const profile = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(profileDir)}`] : [];
  return start("ours", [...profile, "--import", "tsx", path.join(repoRoot, "server/index.ts")], (port) => ({
    NODE_ENV: "test",
    PORT: String(port),
    HOST: host,
    DATA_DIR: dataDir,
    DEMO: "0",
    LOG_LEVEL: "warn",
    // A thousand simulated members connect from this one address within a second.
    COLLAB_CONNECTS_PER_MINUTE: "100000",
    COLLAB_CONNECTIONS_PER_ADDRESS: "100000",
  }));
}

/** The stock @y/websocket-server: no auth, no persistence (YPERSISTENCE left unset). */
export function startReferenceServer(): Promise<RunningServer> {
  const require = createRequire(import.meta.url);
  const pkgPath = require.resolve("@y/websocket-server/package.json");
  const bin = (require(pkgPath) as { bin: Record<string, string> }).bin["y-websocket-server"]!;
  // Plain node: the reference is plain JavaScript, and the tsx hooks would only add to its RSS.
  return start("reference", [path.join(path.dirname(pkgPath), bin)], (port) => ({ HOST: host, PORT: String(port) }));
}

async function start(name: string, nodeArgs: string[], env: (port: number) => Record<string, string>): Promise<RunningServer> {
  const port = await freePort();
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env(port) };
  delete childEnv.YPERSISTENCE;
  // Spawned as node itself (tsx as an --import hook, not a wrapper process) so the pid is the server's.
  const child = spawn(process.execPath, nodeArgs, { cwd: repoRoot, env: childEnv, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    await waitForPort(port, child, () => output);
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  }
  return {
    name,
    origin: `http://${host}:${port}`,
    pid: child.pid!,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const force = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(force);
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, host, () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function waitForPort(port: number, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} before listening:\n${output()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, host);
      socket.once("connect", () => {
        socket.destroy();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`server did not listen on ${port} within 60 s:\n${output()}`);
}
