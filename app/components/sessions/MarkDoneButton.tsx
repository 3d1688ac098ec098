import type { ActionView } from "../../../shared/moderatedSessions/sessions";
import { useT } from "../../i18n";
import { useNegotiationMutation } from "../negotiationApi";
import { RefusalAlert } from "../RefusalAlert";

/** The assignee's (or the moderator's) toggle of an action between done and not done. */
export function MarkDoneButton({ negotiationId, action }: { negotiationId: string; action: ActionView }) {
  const t = useT();
  const { post, outcome, busy } = useNegotiationMutation(negotiationId);
  return (
    <>
      <button type="button" className="small-button" disabled={busy} onClick={() => void post(`actions/${action.id}`, { done: action.doneAt === null })}>
        {t(action.doneAt === null ? "sessions.action.markDone" : "sessions.action.markOpen", { what: action.what })}
      </button>
      {outcome && !outcome.ok && <RefusalAlert refusal={outcome.refusal ?? { error: t("agreement.error.network") }} />}
    </>
  );
}
