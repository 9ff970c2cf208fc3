import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A price: exact decimal amount and ISO 4217 currency' })
export class Money {
  @Field(() => String, { description: 'Decimal amount as a string, e.g. "1234.50" (never a float)' })
  amount!: string;

  @Field(() => String, { description: 'ISO 4217 currency code, e.g. "EUR"' })
  currency!: string;
}
