import { latestDecisionRows } from "../../db/queries/clauseAgreements";
import { negotiationState } from "../../db/queries/negotiations";
import { roundSignoffs } from "../../db/queries/signoffs";
import { scheduleStates } from "../../shared/agreements/clauseStatus";
import { scheduleHash } from "../../shared/agreements/contentHash";
import { agreementUnits } from "../../shared/agreements/scheduleStructure";
import { waitingFor, type WaitingFor } from "../../shared/agreements/waitingFor";
import type { Party } from "../../shared/roles";
import type { Services } from "../context";
import { readSchedule } from "./scheduleDocument";

/** What a party's draft waits for, on its side and on the other; null once the agreement is in force. */
export async function waitingForParty(services: Services, negotiationId: string, party: Party): Promise<WaitingFor | null> {
  const state = await negotiationState(services.db, negotiationId);
  if (state.frozenAt) return null;
  const doc = readSchedule(services, negotiationId);
  const states = scheduleStates(agreementUnits(doc), await latestDecisionRows(services.db, negotiationId));
  const hash = scheduleHash(doc);
  const signed = (await roundSignoffs(services.db, negotiationId, state.round)).map((s) => ({ party: s.party as Party, current: s.hash === hash }));
  return waitingFor(states, party, signed);
}
