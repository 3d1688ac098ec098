import type { DB } from "../../db/connection";
import { newId } from "../../shared/ids";
import { createNegotiation, touchNegotiation } from "../../db/queries/negotiations";
import type { Role } from "../../shared/roles";
import { buildScheduleDoc } from "../../shared/editor/scheduleTemplate";
import { hashPassword } from "../auth/passwords";
import type { DocumentStore } from "../collaboration/documentStore";
import { saasDemoSchedule } from "./saasSchedule";
import { pilotDemoSchedule, pilotDemoTitle } from "./pilotSchedule";
import { applicableRegimes } from "../../shared/templates/selectClauses";
import type { ServiceContext } from "../../shared/templates/wizardAnswers";
import type { NegotiationSetup } from "../../shared/templates/negotiationSetup";
import { anyUserExists, insertUser } from "../../db/queries/users";

export const demoPassword = "demo-password";
// An online marketplace (NIS2 digital provider) whose SaaS supplier processes customer data.
const demoContext: ServiceContext = { service: "saas", data: ["personal"], criticality: "important", rules: ["nis2", "gdpr"] };
const demoSetup: NegotiationSetup = { start: "demo", context: demoContext, level: "standard", regimes: applicableRegimes(demoContext) };

export const demoNegotiationTitle = "Acme Retail ⇄ Nimbus Cloud — SaaS security schedule";

export const demoUsers: { email: string; name: string; role: Role | null }[] = [
  { email: "buyer@demo.test", name: "Bea Buyer (Acme Retail)", role: "buyer" },
  { email: "supplier@demo.test", name: "Sam Supplier (Nimbus Cloud)", role: "supplier" },
  { email: "advisor@demo.test", name: "Ada Advisor (sector body)", role: "advisor" },
  { email: "observer@demo.test", name: "Oscar Observer", role: "observer" },
  { email: "outsider@demo.test", name: "Olivia Outsider", role: null },
];

/** Seeds the demo on an empty database; returns false (and does nothing) when users already exist. */
export async function seedDemo(db: DB, documents: DocumentStore): Promise<boolean> {
  if (await anyUserExists(db)) return false;
  const passwordHash = await hashPassword(demoPassword);
  const now = Date.now();
  const ids = new Map<string, string>();
  for (const u of demoUsers) {
    const id = newId();
    ids.set(u.email, id);
    await insertUser(db, { id, email: u.email, name: u.name, password_hash: passwordHash, locale: null, created_at: now });
  }
  // The buyer and the supplier each own their party, as the first member of a party does.
  const members = demoUsers.flatMap((u) => (u.role ? [{ userId: ids.get(u.email)!, role: u.role, isOwner: u.role === "buyer" || u.role === "supplier" }] : []));
  // The pilot is a day older, so lists (newest activity first) show the main demo on top.
  const negotiations = [
    { title: pilotDemoTitle, schedule: pilotDemoSchedule, setup: undefined, lastActivityAt: now - 24 * 60 * 60 * 1000 },
    { title: demoNegotiationTitle, schedule: saasDemoSchedule, setup: demoSetup, lastActivityAt: now },
  ];
  for (const n of negotiations) {
    const id = await createNegotiation(db, {
      title: n.title,
      buyerOrg: "Acme Retail",
      supplierOrg: "Nimbus Cloud",
      createdBy: members[0]!.userId,
      members,
      setup: n.setup,
    });
    await touchNegotiation(db, id, n.lastActivityAt);
    documents.create(id, buildScheduleDoc(n.schedule));
  }
  return true;
}
