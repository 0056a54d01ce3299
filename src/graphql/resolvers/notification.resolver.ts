import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { NotificationEntity } from '../../persistence/entities';
import type { RequestContext } from '../context';
import { Notification } from '../types/notification.type';

const toNotification = (n: NotificationEntity): Notification => ({
  id: n.id,
  caseReference: n.caseReference,
  instanceId: n.instanceId,
  kind: n.kind,
  title: n.title,
  dueAt: n.dueAt,
  addressedToRole: n.recipientKind === 'role' ? n.recipient : null,
  createdAt: n.createdAt,
  readAt: n.readAt,
});

@Resolver()
export class NotificationResolver {
  @Query(() => [Notification], { description: 'Your notifications, newest first.' })
  async myNotifications(
    @Ctx() { actor, notifications }: RequestContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 25 }) first?: number,
    @Arg('unreadOnly', () => Boolean, { nullable: true, defaultValue: false }) unreadOnly?: boolean,
  ): Promise<Notification[]> {
    return (await notifications.myNotifications(actor, { first, unreadOnly })).map(toNotification);
  }

  @Mutation(() => Notification, { description: 'Marks one of your notifications read.' })
  async markNotificationRead(@Ctx() { actor, notifications }: RequestContext, @Arg('id', () => ID) id: string): Promise<Notification> {
    return toNotification(await notifications.markRead(actor, id));
  }
}
