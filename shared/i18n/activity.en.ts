// Activity, notifications, mentions and digests (issue #13): its own file so parallel work on the
// main catalogue merges cleanly; en.ts spreads it in.
export const activityEn = {
  "audit.commentShared": "Commented on clause {clause}",
  "audit.commentSharedStructure": "Commented in a shared thread",
  "audit.signoffVoided": "The {party}'s sign-off (round {round}) was voided by a later edit: review the changes and sign off again",
  "threads.error.mentionNotVisible":
    "You mentioned someone who cannot see this thread (in an internal note, only your own party can). Remove the mention or start a shared thread.",

  "bell.label": "{count, plural, =0 {Notifications, none unread} one {Notifications, # unread} other {Notifications, # unread}}",
  "bell.seeAll": "All notifications",
  "bell.empty": "Nothing new.",
  "bell.close": "Close",
  "notifications.activityBy": "{name} in “{title}”",
  "notifications.activitySystem": "In “{title}”",
  "notifications.openIt": "Open",
  "notifications.markRead": "Mark as read",

  "activity.title": "Activity",
  "activity.empty": "Nothing has happened here yet.",
  "activity.system": "Common Ground",
  "activity.loadFailed": "The activity could not be loaded. It will try again when the connection returns.",

  "mentions.suggestions": "Members to mention",

  "settings.digest.title": "Email digest",
  "settings.digest.label": "Send me an email digest of unread notifications",
  "settings.digest.hint": "At most one every {hours, plural, one {# hour} other {# hours}}, only with what is new since the last one.",
  "settings.digest.save": "Save digest setting",
  "settings.digest.saved": "Digest setting saved.",
  "digest.subject": "{count, plural, one {# unread notification} other {# unread notifications}} on Common Ground",
  "digest.intro": "Unread since your last digest:",
  "digest.line": "- {title}: {what} ({link})",
  "digest.footer": "You can turn this digest off in your settings: {link}",

  "waiting.forYou": "Waiting for you",
  "waiting.forThem": "Waiting for them",
  "waiting.changeRequested": "{count, plural, one {# clause the other party asked to change} other {# clauses the other party asked to change}}",
  "waiting.yourAgreement": "{count, plural, one {# clause needs your party's agreement} other {# clauses need your party's agreement}}",
  "waiting.theirAgreement": "{count, plural, one {# clause needs their agreement} other {# clauses need their agreement}}",
  "waiting.yourChangeRequests": "{count, plural, one {# change you asked for} other {# changes you asked for}}",
  "waiting.yourSignoff": "Your party's sign-off",
  "waiting.theirSignoff": "Their sign-off",
  "waiting.nothing": "Nothing open",
} as const;
