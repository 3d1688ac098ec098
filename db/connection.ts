import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, Migrator, SqliteDialect } from "kysely";
import { migrations } from "./migrations/index";
import type { Database } from "./schema";

export type DB = Kysely<Database>;

export interface OpenedDatabase {
  db: DB;
  /** The raw driver, for the few hot paths (collaboration persistence) that batch in one transaction. */
  sqlite: SQLite.Database;
}

export function openDatabase(dataDir: string): OpenedDatabase {
  fs.mkdirSync(dataDir, { recursive: true });
  const sqlite = new SQLite(path.join(dataDir, "app.db"));
  sqlite.pragma("journal_mode = WAL");
  // NORMAL in WAL mode: a committed transaction survives a process crash (it is in the WAL file);
  // only an OS crash or power loss can drop the last commits. See docs/decisions/0003.
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  // better-sqlite3 waits for a lock synchronously, so this is how long one write may stall the whole
  // process when another process (a backup, a sqlite3 shell) holds the database. Callers that meet
  // SQLITE_BUSY retry later (DocumentStore) or answer 503 (server/http/databaseBusy.ts).
  sqlite.pragma("busy_timeout = 100");
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, sqlite };
}

/** SQLITE_BUSY and its variants: another connection holds a lock we waited for in vain. */
export function isDatabaseBusy(error: unknown): boolean {
  return error instanceof SQLite.SqliteError && /^SQLITE_(BUSY|LOCKED)/.test(error.code);
}

export async function migrateToLatest(db: DB): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === "Error");
  if (error || failed) {
    const name = failed ? ` (${failed.migrationName})` : "";
    throw new Error(`Database migration failed${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
