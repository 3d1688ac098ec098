export { digestEnabled, setDigestEnabled } from "../../db/queries/digestSettings";
