import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { renderNotification } from '../../breach-notification/breach.service';
import type { RequestContext } from '../context';
import { ApNotificationRoot, toApNotification } from '../breach-mappers';
import { ApNotification, ApNotificationEvent, ApNotificationFormInput, BreachAssessmentInput, NotificationProposal } from '../types/breach.type';

@Resolver(() => ApNotification)
export class BreachResolver {
  @Query(() => NotificationProposal, { description: 'What the platform proposes for these answers (EDPB Guidelines 9/2022).' })
  proposeBreachNotification(
    @Ctx() { actor, breaches }: RequestContext,
    @Arg('answers', () => BreachAssessmentInput) answers: BreachAssessmentInput,
  ): NotificationProposal {
    return breaches.propose(actor, answers);
  }

  @Mutation(() => ApNotification, { description: 'The PB edits the concept, or supplements a provisional notification (note required).' })
  async updateApNotification(
    @Ctx() { actor, breaches }: RequestContext,
    @Arg('incidentId', () => ID) incidentId: string,
    @Arg('form', () => ApNotificationFormInput) form: ApNotificationFormInput,
    @Arg('note', () => String, { nullable: true }) note?: string,
  ): Promise<ApNotification> {
    await breaches.editNotification(actor, incidentId, form, note ?? null);
    return this.current(actor, breaches, incidentId);
  }

  @Mutation(() => ApNotification, { description: "Records the AP's acknowledgement (confirmation e-mail or PDF reference)." })
  async recordApAcknowledgement(
    @Ctx() { actor, breaches }: RequestContext,
    @Arg('incidentId', () => ID) incidentId: string,
    @Arg('acknowledgement', () => String) acknowledgement: string,
  ): Promise<ApNotification> {
    await breaches.acknowledge(actor, incidentId, acknowledgement);
    return this.current(actor, breaches, incidentId);
  }

  private async current(actor: RequestContext['actor'], breaches: RequestContext['breaches'], incidentId: string): Promise<ApNotificationRoot> {
    const file = await breaches.file(actor, incidentId);
    if (!file?.notification) throw new Error('notification vanished after it was saved');
    return toApNotification(file, file.notification);
  }

  @FieldResolver(() => String, { description: 'The notification as Markdown, to paste into the AP form section by section.' })
  markdown(@Root() root: ApNotificationRoot): string {
    return renderNotification(root.file, root.entity, 'markdown');
  }

  @FieldResolver(() => String, { description: 'The same document as HTML.' })
  html(@Root() root: ApNotificationRoot): string {
    return renderNotification(root.file, root.entity, 'html');
  }

  @FieldResolver(() => [ApNotificationEvent], { description: 'Drafts, filing, supplements, final or withdrawal: who, when, and the form at that moment.' })
  async events(@Root() root: ApNotificationRoot, @Ctx() { breaches }: RequestContext): Promise<ApNotificationEvent[]> {
    return breaches.notificationEvents(root.id);
  }
}
