import type { Percentiles } from "./stats";

/** What the orchestrator asks the load generator (a child process) to do. */
export interface LoadPlan {
  /** ws://host:port/collab */
  baseUrl: string;
  origin: string;
  rooms: { name: string; cookies: (string | null)[] }[];
  /** Base64 Yjs update each room's first client pushes, for servers that start rooms empty. */
  seedUpdate: string | null;
  updatesPerSecond: number;
  warmupSeconds: number;
  seconds: number;
}

export interface LoadResult {
  clients: number;
  rooms: number;
  connectMs: number;
  windowSeconds: number;
  /** Updates sent inside the measurement window. */
  sent: number;
  /** (sender, receiver) deliveries of those updates, and how many there should have been. */
  delivered: number;
  expected: number;
  latencyMs: Percentiles;
  /** Clients whose socket closed during the run. */
  dropped: number;
}

export type GeneratorMessage =
  | { type: "connected"; ms: number }
  | { type: "window-start" }
  | { type: "window-end" }
  | { type: "result"; result: LoadResult }
  | { type: "failed"; message: string };

export type OrchestratorMessage = { type: "plan"; plan: LoadPlan };
