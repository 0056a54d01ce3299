export const MY_NOTIFICATIONS = `query Mine($first: Int, $unreadOnly: Boolean) {
  myNotifications(first: $first, unreadOnly: $unreadOnly) { id caseReference instanceId kind title dueAt addressedToRole createdAt readAt } }`;

export const MARK_NOTIFICATION_READ = `mutation Read($id: ID!) { markNotificationRead(id: $id) { id readAt } }`;
