import { listProposals } from "../../db/queries/proposals";
import type { MessageKey } from "../../shared/i18n/index";
import { scheduleFromJson, scheduleModel, type SectionModel } from "../../shared/editor/scheduleModel";
import type { Services } from "../context";
import { proposalLookup } from "./exports/proposalLookup";

/**
 * A saved version as its page shows it: the proposals it was saved with are its tracked changes,
 * named and dated as an export names them (decision 026), so nothing only proposed reads as text.
 */
export async function versionSections(services: Services, negotiationId: string, content: unknown, t: (key: MessageKey) => string): Promise<SectionModel[]> {
  const records = await listProposals(services.db, negotiationId, "all");
  return scheduleModel(scheduleFromJson(content), proposalLookup(records, t, "version"));
}
