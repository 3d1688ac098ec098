import { useCallback } from "react";
import type { RefusalBody } from "../../../shared/refusal";
import { useT } from "../../i18n";
import { useNegotiationMutation } from "../negotiationApi";

/** A moderator's command as the API takes it (shared/moderatedSessions/requests.ts), without zod in the browser. */
export type SessionCommandBody = { action: string } & Record<string, unknown>;
export type RunCommand = (command: SessionCommandBody) => Promise<boolean>;

/** Posts a command to the session's API and reloads the page's data after it; the refusal to show, if any. */
export function useSessionCommand(negotiationId: string, sessionId: string): { run: RunCommand; refusal: Pick<RefusalBody, "error"> | null; busy: boolean } {
  const t = useT();
  const { post, outcome, busy } = useNegotiationMutation(negotiationId);
  const run = useCallback(async (command: SessionCommandBody) => (await post(`sessions/${sessionId}`, command)).ok, [post, sessionId]);
  const refusal = outcome && !outcome.ok ? (outcome.refusal ?? { error: t("agreement.error.network") }) : null;
  return { run, refusal, busy };
}
