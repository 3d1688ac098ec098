import { useState } from "react";
import type { ProposedItem, ReviewAgenda } from "../../../shared/moderatedSessions/sessions";
import { useT } from "../../i18n";
import { PlanSessionForm } from "./PlanSessionForm";

interface Props {
  negotiationId: string;
  proposed: ProposedItem[];
  /** The periodic review on offer while an agreement is in force; null otherwise. */
  review: ReviewAgenda | null;
}

/**
 * Planning a session on what is open, or, with an agreement in force, the periodic review from its
 * checklist (decision 035): one form at a time, so the page never offers two "Plan session" buttons.
 */
export function SessionPlanning({ negotiationId, proposed, review }: Props) {
  const t = useT();
  const [reviewing, setReviewing] = useState(false);
  // Only a switch moves the focus: on arrival the page's own heading keeps it.
  const [switched, setSwitched] = useState(false);
  const show = (next: boolean) => {
    setReviewing(next);
    setSwitched(true);
  };
  return (
    <>
      {review && (
        <p className="review-offer">
          {!reviewing && <>{t("sessions.review.offer")} </>}
          <button type="button" onClick={() => show(!reviewing)}>
            {t(reviewing ? "sessions.review.back" : "sessions.review.plan")}
          </button>
        </p>
      )}
      {review && reviewing ? (
        <PlanSessionForm key="review" negotiationId={negotiationId} proposed={review.items} review={{ date: review.reviewDate }} focusHeading={switched} />
      ) : (
        <PlanSessionForm key="open" negotiationId={negotiationId} proposed={proposed} focusHeading={switched} />
      )}
    </>
  );
}
