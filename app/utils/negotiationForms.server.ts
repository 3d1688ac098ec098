export { startNegotiation } from "../../server/negotiations/startNegotiation";
