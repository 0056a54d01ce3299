import { Ctx, Field, ObjectType, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../context';

@ObjectType({ description: 'The authenticated person as the platform sees them.' })
export class Me {
  @Field() userId: string;
  @Field(() => String, { nullable: true }) displayName?: string;
  @Field(() => [String]) roles: string[];
  @Field(() => [String]) tenants: string[];
}

@Resolver()
export class MeResolver {
  @Query(() => Me)
  me(@Ctx() { actor }: RequestContext): Me {
    return { userId: actor.userId, displayName: actor.displayName, roles: actor.roles, tenants: actor.tenants };
  }
}
