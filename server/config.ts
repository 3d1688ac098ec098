import { z } from "zod";
import { parseTrustProxy, trustProxyProblem, type TrustProxy } from "./http/trustProxy";

const logLevels = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const envSchema = z.object({
  NODE_ENV: z.enum(["production", "development", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATA_DIR: z.string().min(1).default("./data"),
  DEMO: z.enum(["0", "1"]).default("1"),
  LOG_LEVEL: z.enum(logLevels).default("info"),
  PUBLIC_URL: z
    .string()
    .url()
    .refine((u) => /^https?:\/\//.test(u), "must start with http:// or https://")
    .optional(),
  TRUST_PROXY: z
    .string()
    .trim()
    .default("0")
    .superRefine((value, ctx) => {
      const problem = trustProxyProblem(value);
      if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem });
    }),
  SIGNUPS_PER_ADDRESS_PER_HOUR: z.coerce.number().int().min(1).max(10_000).default(5),
  NEGOTIATIONS_PER_USER_PER_DAY: z.coerce.number().int().min(1).max(10_000).default(20),
  SMTP_URL: z
    .string()
    .refine((u) => /^smtps?:\/\//.test(u), "must start with smtp:// or smtps://")
    .optional(),
  MAIL_FROM: z.string().min(3).default("Common Ground <no-reply@common-ground.invalid>"),
  DIGEST_INTERVAL_MINUTES: z.coerce.number().int().min(1).max(100_000).default(1440),
  DIGEST_CHECK_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  COLLAB_CONNECTS_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(60),
  COLLAB_CONNECTIONS_PER_ADDRESS: z.coerce.number().int().min(1).max(1_000_000).default(500),
  EDIT_QUIET_MS: z.coerce.number().int().min(1).max(600_000).default(3_000),
  MAX_SCHEDULE_BYTES: z.coerce
    .number()
    .int()
    .min(64 * 1024)
    .max(256 * 1024 * 1024)
    .default(8 * 1024 * 1024),
});

export interface Config {
  production: boolean;
  port: number;
  host: string;
  dataDir: string;
  seedDemo: boolean;
  logLevel: (typeof logLevels)[number];
  /** Origin (scheme://host[:port]) that browsers use to reach us, when behind a proxy. */
  publicOrigin: string | null;
  trustProxy: TrustProxy;
  /** Budgets against bulk abuse; see server/rateLimits/budgets.ts. */
  signupsPerAddressPerHour: number;
  negotiationsPerUserPerDay: number;
  secureCookies: boolean;
  smtpUrl: string | null;
  mailFrom: string;
  /** Largest encoded Yjs document a schedule may grow to; updates beyond it are refused. */
  maxScheduleBytes: number;
  /** Collaboration connections a member may open per minute (an address: 20 times as many). */
  collabConnectsPerMinute: number;
  /** Collaboration connections open at once from one client address. */
  collabConnectionsPerAddress: number;
  /** At most one notification digest per user this often; due digests are looked for every digestCheckSeconds. */
  digestIntervalMinutes: number;
  digestCheckSeconds: number;
  /** How long a schedule goes without updates before its sign-offs are checked against it (one check per burst of typing). */
  editQuietMs: number;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = issue.path.join(".");
      return `  ${name}=${JSON.stringify(env[name] ?? "")}: ${issue.message}`;
    });
    throw new ConfigError(
      `Invalid configuration in the environment:\n${problems.join("\n")}\nFix these variables (see the configuration table in README.md) and start again.`,
    );
  }
  const e = parsed.data;
  const production = e.NODE_ENV === "production";
  return {
    production,
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    seedDemo: e.DEMO === "1",
    logLevel: e.LOG_LEVEL,
    publicOrigin: e.PUBLIC_URL ? new URL(e.PUBLIC_URL).origin : null,
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    signupsPerAddressPerHour: e.SIGNUPS_PER_ADDRESS_PER_HOUR,
    negotiationsPerUserPerDay: e.NEGOTIATIONS_PER_USER_PER_DAY,
    secureCookies: production,
    smtpUrl: e.SMTP_URL ?? null,
    mailFrom: e.MAIL_FROM,
    maxScheduleBytes: e.MAX_SCHEDULE_BYTES,
    collabConnectsPerMinute: e.COLLAB_CONNECTS_PER_MINUTE,
    collabConnectionsPerAddress: e.COLLAB_CONNECTIONS_PER_ADDRESS,
    digestIntervalMinutes: e.DIGEST_INTERVAL_MINUTES,
    digestCheckSeconds: e.DIGEST_CHECK_SECONDS,
    editQuietMs: e.EDIT_QUIET_MS,
  };
}
