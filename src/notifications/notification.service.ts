import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import type { Actor } from '../identity/actor';
import { NotificationEntity } from '../persistence/entities';
import { appendAudit } from '../workflow/audit-trail';
import { isUuid } from '../workflow/ids';
import { NotificationError, NotificationErrorCode } from './notification-error';

export const MAX_NOTIFICATION_PAGE = 100;

/**
 * Rows the actor may see: addressed to them by username, or to a role they hold, in a
 * municipality they work for. Anything else does not exist for them.
 */
function visibleTo(em: EntityManager, actor: Actor): SelectQueryBuilder<NotificationEntity> {
  return em
    .getRepository(NotificationEntity)
    .createQueryBuilder('n')
    .where('n.tenant_id = ANY(:tenants)', { tenants: actor.tenants })
    .andWhere(`((n.recipient_kind = 'user' AND n.recipient = :user) OR (n.recipient_kind = 'role' AND n.recipient = ANY(:roles)))`, {
      user: actor.userId,
      roles: actor.roles,
    });
}

/** The signed-in person's notifications: reminders, escalations and messages of the cases' notify steps. */
export class NotificationService {
  constructor(private readonly dataSource: DataSource) {}

  /** Newest first. Notifications hold no personal data of a case, so reading them is not a case read. */
  async myNotifications(actor: Actor, options: { first?: number; unreadOnly?: boolean } = {}): Promise<NotificationEntity[]> {
    const first = options.first ?? 25;
    if (!Number.isInteger(first) || first < 1 || first > MAX_NOTIFICATION_PAGE) {
      throw new NotificationError(NotificationErrorCode.PAGE_SIZE_INVALID, `first must be between 1 and ${MAX_NOTIFICATION_PAGE}`);
    }
    const query = visibleTo(this.dataSource.manager, actor);
    if (options.unreadOnly) query.andWhere('n.read_at IS NULL');
    return query.orderBy('n.created_at', 'DESC').addOrderBy('n.id').take(first).getMany();
  }

  /** Marks it read (once: a second call changes nothing). A role-addressed notification is read for everyone holding the role. */
  async markRead(actor: Actor, id: string): Promise<NotificationEntity> {
    const notFound = () => new NotificationError(NotificationErrorCode.NOTIFICATION_NOT_FOUND, 'notification not found');
    if (!isUuid(id)) throw notFound();
    return this.dataSource.transaction(async (em) => {
      const notification = await visibleTo(em, actor).andWhere('n.id = :id', { id }).setLock('pessimistic_write').getOne();
      if (!notification) throw notFound();
      if (notification.readAt) return notification;
      notification.readAt = new Date();
      notification.readBy = actor.userId;
      await em.update(NotificationEntity, { id }, { readAt: notification.readAt, readBy: notification.readBy });
      await appendAudit(em, actor, {
        tenantId: notification.tenantId,
        action: 'notification.read',
        instanceId: notification.instanceId,
        details: { notificationId: id, kind: notification.kind },
      });
      return notification;
    });
  }
}
