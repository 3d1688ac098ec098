// Kept as an alias until the mechanical rename to DomainError (server/errors.ts) lands.
export { DomainError as NegotiationError } from "../errors";
