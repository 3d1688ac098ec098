import { useEffect, useState } from "react";
import { Link } from "@remix-run/react";
import type { LiveSession } from "../../../shared/moderatedSessions/sessions";
import { useT } from "../../i18n";
import type { CollaborationSession } from "../editor/collaborationSession";
import { useAwareness } from "../editor/useAwareness";
import { useNegotiationMutation } from "../negotiationApi";
import { useFollowModerator } from "./useFollowModerator";

interface Props {
  negotiationId: string;
  session: CollaborationSession;
  live: LiveSession;
  me: { id: string };
  /** Shows the item's clause in the editor and the side panel, as following does. */
  showClause: (clauseId: string) => void;
}

/**
 * The live session in the workspace (decision 034): the item under discussion and its time box for
 * everyone; for the moderator, the next item and who follows; for the others, following offered,
 * never imposed.
 */
export function LiveSessionBar({ negotiationId, session, live, me, showClause }: Props) {
  const t = useT();
  const moderating = live.moderator.id === me.id;
  return (
    <section className="live-session" aria-label={t("sessions.live.label")}>
      <p className="live-session-item" role="status">
        <strong>{t("sessions.live.label")}</strong> ·{" "}
        {live.item ? t("sessions.live.item", { number: live.item.number, of: live.item.of, title: live.item.title }) : t("sessions.live.noItem")}
        {live.item && <Countdown item={live.item} />}
      </p>
      {moderating ? (
        <ModeratorControls negotiationId={negotiationId} session={session} live={live} />
      ) : (
        <FollowControls session={session} live={live} showClause={showClause} />
      )}
    </section>
  );
}

function Countdown({ item }: { item: NonNullable<LiveSession["item"]> }) {
  const t = useT();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const elapsed = Math.max(0, now - item.since);
  if (item.timeBoxMinutes === null) return <span className="live-session-clock"> · {t("sessions.live.elapsed", { time: clock(elapsed) })}</span>;
  const left = item.timeBoxMinutes * 60_000 - elapsed;
  return (
    <span className={left < 0 ? "live-session-clock overdue" : "live-session-clock"}>
      {" "}
      · {t(left < 0 ? "sessions.live.over" : "sessions.live.left", { time: clock(Math.abs(left)) })}
    </span>
  );
}

/** 4:05, or 1:02:03 past an hour. */
function clock(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  const hours = Math.floor(seconds / 3600);
  const mm = String(Math.floor((seconds % 3600) / 60));
  const ss = String(seconds % 60).padStart(2, "0");
  return hours > 0 ? `${hours}:${mm.padStart(2, "0")}:${ss}` : `${mm}:${ss}`;
}

const followersOf = (session: CollaborationSession) => session.followers();

function ModeratorControls({ negotiationId, session, live }: { negotiationId: string; session: CollaborationSession; live: LiveSession }) {
  const t = useT();
  const { post, outcome, busy } = useNegotiationMutation(negotiationId);
  const followers = useAwareness(session, followersOf);
  const last = !live.item || live.item.number >= live.item.of;
  return (
    <div className="live-session-controls">
      <button type="button" disabled={busy || last} onClick={() => void post(`sessions/${live.id}`, { action: "next" })}>
        {t("sessions.live.next")}
      </button>
      <Link to={`/negotiations/${negotiationId}/sessions/${live.id}`}>{t("sessions.live.run")}</Link>
      <span className="live-session-followers">
        {followers.length > 0 ? t("sessions.live.followers", { names: followers.map((f) => f.name).join(", ") }) : t("sessions.live.noFollowers")}
      </span>
      {outcome && !outcome.ok && (
        <span className="form-error" role="alert">
          {outcome.refusal?.error ?? t("agreement.error.network")}
        </span>
      )}
    </div>
  );
}

function FollowControls({ session, live, showClause }: { session: CollaborationSession; live: LiveSession; showClause: (clauseId: string) => void }) {
  const t = useT();
  const { mode, follow, stop } = useFollowModerator(session, live, showClause);
  const name = live.moderator.name;
  return (
    <div className="live-session-controls">
      {mode === "off" && (
        <>
          <span>{t("sessions.live.presenting", { name })}</span>
          <button type="button" onClick={follow}>
            {t("sessions.live.follow")}
          </button>
        </>
      )}
      {mode === "on" && (
        <>
          <span>{t("sessions.live.following", { name })}</span>
          <button type="button" onClick={stop}>
            {t("sessions.live.stop")}
          </button>
        </>
      )}
      {mode === "out" && (
        <button type="button" className="primary" onClick={follow}>
          {t("sessions.live.back", { name })}
        </button>
      )}
    </div>
  );
}
