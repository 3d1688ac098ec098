export { planSession } from "../../server/moderatedSessions/planSession";
export { runSession } from "../../server/moderatedSessions/runSession";
export { proposedAgenda } from "../../server/moderatedSessions/proposedAgenda";
export { sessionSummaries, sessionView } from "../../server/moderatedSessions/sessionView";
export { markActionDone, myActions } from "../../server/moderatedSessions/actions";
export { setSessionModeration } from "../../server/moderatedSessions/moderationSetting";
export { exportMinutes } from "../../server/moderatedSessions/exportMinutes";
export { nextSession } from "../../db/queries/moderatedSessions";
export { sessionChoices } from "../../server/moderatedSessions/sessionChoices";
