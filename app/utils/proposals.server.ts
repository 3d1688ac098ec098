export { setChanges } from "../../server/proposals/changesMode";
export { actOnProposal, actOnProposals, listProposalViews } from "../../server/proposals/decisions";
export { changesMode } from "../../db/queries/proposals";
export { openProposalsOutline } from "../../server/proposals/openProposalsOutline";
