import { useCallback, useEffect, useRef, useState } from "react";
import type { LiveSession } from "../../../shared/moderatedSessions/sessions";
import type { CollaborationSession } from "../editor/collaborationSession";

/** Not following (offered), following, or stepped out by one's own scroll, click or key (back is offered). */
export type FollowMode = "off" | "on" | "out";

// What a member does of their own accord: any of these in the workspace steps out of following.
const ownMoves = ["wheel", "touchmove", "mousedown", "keydown"] as const;

/**
 * Following the moderator (decision 034): while on, each item the moderator moves to is shown (its
 * clause in the editor and the side panel, found by id wherever it stands now); the member's own
 * scroll, click or key steps out, and the others' awareness says who follows.
 */
export function useFollowModerator(session: CollaborationSession, live: LiveSession, showClause: (clauseId: string) => void) {
  const [mode, setMode] = useState<FollowMode>("off");
  const show = useRef(showClause);
  useEffect(() => {
    show.current = showClause;
  });
  const clauseId = live.item?.clauseId ?? null;

  useEffect(() => {
    session.setFollowing(mode === "on");
  }, [session, mode]);
  useEffect(() => () => session.setFollowing(false), [session]);

  useEffect(() => {
    if (mode === "on" && clauseId) show.current(clauseId);
  }, [mode, clauseId]);

  useEffect(() => {
    if (mode !== "on") return;
    const workspace = document.querySelector(".workspace");
    if (!workspace) return;
    const stepOut = () => setMode("out");
    for (const type of ownMoves) workspace.addEventListener(type, stepOut, { passive: true });
    return () => {
      for (const type of ownMoves) workspace.removeEventListener(type, stepOut);
    };
  }, [mode]);

  const follow = useCallback(() => setMode("on"), []);
  const stop = useCallback(() => setMode("off"), []);
  return { mode, follow, stop };
}
