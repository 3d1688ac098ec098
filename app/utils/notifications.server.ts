export { listNotifications, markAllRead, markClauseRead, unreadCounts } from "../../db/queries/notifications";
