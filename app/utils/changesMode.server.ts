export { changesModeOf } from "../../shared/proposals/views";
