import * as Y from "yjs";
import { prosemirrorToYDoc } from "y-prosemirror";
import { createNegotiation } from "../db/queries/negotiations";
import { migrateToLatest, openDatabase, type DB } from "../db/connection";
import type { NewUser } from "../db/schema";
import { hashPassword } from "../server/auth/passwords";
import { createSession } from "../server/auth/sessions";
import { DocumentStore } from "../server/collaboration/documentStore";
import { saasDemoSchedule } from "../server/demo/saasSchedule";
import { createLogger } from "../server/logger";
import { buildScheduleDoc } from "../shared/editor/scheduleTemplate";
import { scheduleFragmentName } from "../shared/editor/schema";
import { newId } from "../shared/ids";
import type { Role } from "../shared/roles";

export interface SeededRoom {
  negotiationId: string;
  /** One `session=<token>` cookie per member, each a different user. */
  cookies: string[];
}

export interface Seeding {
  db: DB;
  store: DocumentStore;
  /** Creates `count` users (sharing one password hash: argon2 is slow on purpose) with a session each. */
  users(count: number): Promise<{ id: string; cookie: string }[]>;
  negotiation(members: { id: string }[]): Promise<string>;
  close(): Promise<void>;
}

const editingRoles: Role[] = ["buyer", "supplier", "advisor"];

/** Writes straight into a data directory the server is not running on yet. */
export async function openSeeding(dataDir: string): Promise<Seeding> {
  const { db, sqlite } = openDatabase(dataDir);
  await migrateToLatest(db);
  const store = new DocumentStore(sqlite, createLogger("warn"));
  const passwordHash = await hashPassword("bench-password-not-secret");
  let userCount = 0;
  return {
    db,
    store,
    async users(count) {
      const rows: NewUser[] = Array.from({ length: count }, () => {
        const n = ++userCount;
        return { id: newId(), email: `bench${n}@bench.test`, name: `Bench ${n}`, password_hash: passwordHash, locale: null, created_at: Date.now() };
      });
      for (let i = 0; i < rows.length; i += 100)
        await db
          .insertInto("users")
          .values(rows.slice(i, i + 100))
          .execute();
      return Promise.all(rows.map(async (u) => ({ id: u.id, cookie: `session=${(await createSession(db, u.id)).token}` })));
    },
    async negotiation(members) {
      const id = await createNegotiation(db, {
        title: "Benchmark negotiation",
        buyerOrg: "Bench Buyer",
        supplierOrg: "Bench Supplier",
        createdBy: members[0]!.id,
        members: members.map((m, i) => ({ userId: m.id, role: editingRoles[i % editingRoles.length]! })),
      });
      store.create(id, buildScheduleDoc(saasDemoSchedule));
      return id;
    },
    async close() {
      store.flush();
      await store.close();
      await db.destroy();
    },
  };
}

/** `rooms` negotiations with the demo schedule, each with `clientsPerRoom` distinct editing members. */
export async function seedLoadRooms(dataDir: string, rooms: number, clientsPerRoom: number): Promise<SeededRoom[]> {
  const seeding = await openSeeding(dataDir);
  try {
    const users = await seeding.users(rooms * clientsPerRoom);
    const seeded: SeededRoom[] = [];
    for (let r = 0; r < rooms; r++) {
      const members = users.slice(r * clientsPerRoom, (r + 1) * clientsPerRoom);
      seeded.push({ negotiationId: await seeding.negotiation(members), cookies: members.map((m) => m.cookie) });
    }
    return seeded;
  } finally {
    await seeding.close();
  }
}

/** The demo schedule as one Yjs update, for the reference server, whose rooms start empty. */
export function scheduleAsUpdate(): Uint8Array {
  const doc = prosemirrorToYDoc(buildScheduleDoc(saasDemoSchedule), scheduleFragmentName);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}
