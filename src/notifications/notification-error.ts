/** Stable codes for refused notification commands; transport maps them to `extensions.code`. */
export enum NotificationErrorCode {
  /** Also for someone else's notification or another municipality's: refused like a missing id. */
  NOTIFICATION_NOT_FOUND = 'NOTIFICATION_NOT_FOUND',
  /** `first` outside 1..100. */
  PAGE_SIZE_INVALID = 'NOTIFICATION_PAGE_SIZE_INVALID',
}

/** A refusal of a notification command; nothing was changed when this is thrown. */
export class NotificationError extends Error {
  constructor(
    readonly code: NotificationErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'NotificationError';
  }
}
