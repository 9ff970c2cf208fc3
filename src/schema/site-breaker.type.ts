import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum BreakerStateEnum {
  CLOSED = 'closed',
  OPEN = 'open',
  PROBING = 'probing',
}
registerEnumType(BreakerStateEnum, {
  name: 'BreakerState',
  description: 'The state of a site\'s circuit breaker',
  valuesConfig: {
    CLOSED: { description: 'Requests to the site flow (after an open period, the next one is the probe)' },
    OPEN: { description: 'Requests to the site wait until openUntil' },
    PROBING: { description: 'One probe request is out; a normal answer closes the breaker, a block reopens it' },
  },
});

@ObjectType('SiteBreaker', { description: 'A site\'s circuit breaker as every worker shares it (fed by 429, 403 and challenge pages)' })
export class SiteBreaker {
  @Field(() => String, { description: 'The site: host name without www.' })
  domain!: string;

  @Field(() => BreakerStateEnum, { description: 'Whether requests to the site flow, wait or probe' })
  state!: BreakerStateEnum;

  @Field(() => Int, { description: 'Blocks in a row since the site last answered normally' })
  consecutiveBlocks!: number;

  @Field(() => Int, { description: 'Times the breaker opened since the site last answered normally (each reopening doubles the wait)' })
  opens!: number;

  @Field(() => Date, { nullable: true, description: 'When an open breaker lets a probe through; null unless open' })
  openUntil?: Date;
}
