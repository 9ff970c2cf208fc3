import { Field, InputType, Int, registerEnumType } from 'type-graphql';

export enum NavigationActionEnum {
  GOTO = 'goto',
  CLICK = 'click',
  FILL = 'fill',
  SELECT = 'select',
  WAIT = 'wait',
  SCROLL = 'scroll',
  PAGINATE = 'paginate',
  EXTRACT = 'extract',
}
registerEnumType(NavigationActionEnum, {
  name: 'NavigationAction',
  description: 'What a navigation step does in the browser',
  valuesConfig: {
    GOTO: { description: 'Open a URL' },
    CLICK: { description: 'Click an element' },
    FILL: { description: 'Type a value into a field' },
    SELECT: { description: 'Choose an option of a select' },
    WAIT: { description: 'Wait for a selector, a load state or a number of ms' },
    SCROLL: { description: 'Scroll the page' },
    PAGINATE: { description: 'Click next until it is gone or a stop condition holds, extracting on each page' },
    EXTRACT: { description: 'Read named selectors, or snapshot the page for the product extractor' },
  },
});

@InputType({ description: 'A field to extract: the text of every match of `selector`, or its `attribute`' })
export class ExtractFieldInput {
  @Field(() => String, { description: 'Name of the value in the step\'s output' }) name!: string;
  @Field(() => String, { description: 'CSS selector of the elements to read' }) selector!: string;
  @Field(() => String, { nullable: true, description: 'Attribute to read instead of the text (href, src, ...)' }) attribute?: string;
}

@InputType({ description: 'One step of a navigation job (seed 004); each action reads the fields it needs' })
export class NavigationStepInput {
  @Field(() => NavigationActionEnum, { description: 'What the step does' }) action!: NavigationActionEnum;
  @Field(() => String, { nullable: true, description: 'goto: URL (may be relative to the current page)' }) url?: string;
  @Field(() => String, { nullable: true, description: 'click, fill, select, paginate (the next control), wait (to appear)' }) selector?: string;
  @Field(() => String, { nullable: true, description: 'fill, select: the value' }) value?: string;
  @Field(() => [String], { nullable: true, description: 'select: several values' }) values?: string[];
  @Field(() => String, { nullable: true, description: 'goto, click, paginate: load, networkidle or a selector to wait for' }) waitFor?: string;
  @Field(() => String, { nullable: true, description: 'wait: load or networkidle' }) until?: string;
  @Field(() => Int, { nullable: true, description: 'wait: a pause in ms' }) ms?: number;
  @Field(() => Int, { nullable: true, description: 'scroll: how many times' }) times?: number;
  @Field(() => Int, { nullable: true, description: 'scroll: ms to wait for the page to grow' }) delayMs?: number;
  @Field(() => Int, { nullable: true, description: 'paginate: pages at most, counting the current one' }) maxPages?: number;
  @Field(() => String, { nullable: true, description: 'paginate: stop when this selector matches' }) stopWhen?: string;
  @Field(() => [ExtractFieldInput], { nullable: true, description: 'extract, paginate: named fields; none takes a page snapshot for the product extractor' }) fields?: ExtractFieldInput[];
  @Field(() => Int, { nullable: true, description: 'Time limit of this step, ms' }) timeoutMs?: number;
  @Field(() => Boolean, { nullable: true, description: 'A failure of this step is recorded and the run goes on' }) optional?: boolean;
}

/** GraphQL step inputs as the domain's step objects (absent fields left out). */
export function toBrowserSteps(steps: readonly NavigationStepInput[]): Record<string, unknown>[] {
  return steps.map((input) => {
    const { action, values, fields, value, ...rest } = input;
    const step: Record<string, unknown> = { action };
    for (const [key, v] of Object.entries(rest)) if (v !== undefined && v !== null) step[key] = v;
    if (values?.length) step.value = values;
    else if (value !== undefined && value !== null) step.value = value;
    const extract = fields?.length ? { fields: Object.fromEntries(fields.map((f) => [f.name, f.attribute ? { selector: f.selector, attribute: f.attribute } : f.selector])) } : undefined;
    if (extract && action === NavigationActionEnum.PAGINATE) step.extract = extract;
    else if (extract) Object.assign(step, extract);
    return step;
  });
}
