export { markClauseRead, markRead, unreadCounts } from "../../db/queries/notifications";
export { notificationViews } from "../../server/activity/notificationViews";
export { activityFeed } from "../../server/activity/activityFeed";
