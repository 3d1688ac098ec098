import { useEffect, useRef, useState, type FormEvent } from "react";
import { useNavigate } from "@remix-run/react";
import { reviewDateMs } from "../../../shared/agreements/calendarDate";
import type { AgendaInput, ProposedItem } from "../../../shared/moderatedSessions/sessions";
import { useFormatCalendarDate, useT } from "../../i18n";
import { postToNegotiationApi, type ApiOutcome } from "../negotiationApi";
import { RefusalAlert } from "../RefusalAlert";

interface Props {
  negotiationId: string;
  proposed: ProposedItem[];
  /** Planning the periodic review (decision 035): its day comes prefilled from the agreement's review date. */
  review?: { date: string | null };
  /** Shown in place of the other kind of planning: the heading takes the focus so the switch is heard. */
  focusHeading?: boolean;
}

// A review date is a day; the session needs a moment, so the form proposes the morning.
const reviewMorning = (date: string) => `${date}T09:00`;

/**
 * Plans a session: when, and which of the proposed items (all ticked) it starts with. The
 * datetime-local value is the planner's own clock; the browser sends it as an instant.
 */
export function PlanSessionForm({ negotiationId, proposed, review, focusHeading = false }: Props) {
  const t = useT();
  const formatDay = useFormatCalendarDate();
  const navigate = useNavigate();
  const heading = useRef<HTMLHeadingElement>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ApiOutcome<{ id: string }> | null>(null);
  useEffect(() => {
    if (focusHeading) heading.current?.focus();
  }, [focusHeading]);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const picked = new Set(form.getAll("item").map(String));
    const agenda = proposed.flatMap((item, i): AgendaInput[] =>
      !picked.has(String(i))
        ? []
        : item.kind === "clause"
          ? [{ kind: "clause", clauseId: item.clauseId ?? undefined }]
          : [{ kind: "topic", title: item.title }],
    );
    setBusy(true);
    const result = await postToNegotiationApi<{ id: string }>(negotiationId, "sessions", {
      plannedAt: new Date(String(form.get("plannedAt"))).toISOString(),
      agenda,
    });
    setBusy(false);
    setOutcome(result);
    if (result.ok) navigate(`/negotiations/${negotiationId}/sessions/${result.data.id}`);
  };
  return (
    <section aria-labelledby="plan-heading" className="plan-session">
      <h2 id="plan-heading" ref={heading} tabIndex={-1}>
        {t(review ? "sessions.review.title" : "sessions.plan.title")}
      </h2>
      {outcome && !outcome.ok && <RefusalAlert refusal={outcome.refusal ?? { error: t("agreement.error.network") }} />}
      <form onSubmit={(e) => void submit(e)}>
        <div className="field">
          <label htmlFor="plannedAt">{t("sessions.plan.when")}</label>
          <input
            id="plannedAt"
            name="plannedAt"
            type="datetime-local"
            required
            defaultValue={review?.date ? reviewMorning(review.date) : undefined}
            aria-describedby={review ? "plannedAt-hint" : undefined}
          />
          {review && (
            <p id="plannedAt-hint" className="hint">
              {review.date ? t("sessions.review.dateHint", { date: formatDay(reviewDateMs(review.date)) }) : t("sessions.review.noDate")}
            </p>
          )}
        </div>
        <fieldset className="proposed-agenda">
          <legend>{t(review ? "sessions.review.proposed" : "sessions.plan.proposed")}</legend>
          {proposed.length === 0 ? (
            <p className="hint">{t("sessions.plan.proposedNone")}</p>
          ) : (
            <>
              <p className="hint">{t(review ? "sessions.review.hint" : "sessions.plan.proposedHint")}</p>
              <ul>
                {proposed.map((item, i) => (
                  <li key={`${item.clauseId ?? "topic"}-${i}`}>
                    <label>
                      <input type="checkbox" name="item" value={i} defaultChecked /> {item.title}
                    </label>{" "}
                    <span className="hint">({item.reasons.map((r) => t(`sessions.reason.${r}`)).join(", ")})</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </fieldset>
        <button type="submit" className="primary" disabled={busy}>
          {t("sessions.plan.submit")}
        </button>
      </form>
    </section>
  );
}
