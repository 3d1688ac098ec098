export { listMembers, listNegotiationsForUser, setArchived } from "../../db/queries/negotiations";
export { negotiationSetup } from "../../shared/templates/negotiationSetup";
