export { outboxFor } from "../../db/queries/outbox";
