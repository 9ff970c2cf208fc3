import { TrawlError, unreachable } from './errors.js';
import { BROWSER_STEP_ACTIONS, type BrowserStep, type ExtractField, type ExtractSpec } from './ports/browser.port.js';

const MAX_WAIT_MS = 60_000;
const MAX_SCROLLS = 100;
const MAX_PAGES = 1_000;

/** `click "#next"`, `wait 500 ms`, `extract`: how messages name a step. */
export function describeStep(step: BrowserStep): string {
  switch (step.action) {
    case 'goto':
      return `goto "${step.url}"`;
    case 'click':
    case 'fill':
    case 'select':
    case 'paginate':
      return `${step.action} "${step.selector}"`;
    case 'wait':
      return step.selector !== undefined ? `wait "${step.selector}"` : step.until !== undefined ? `wait ${step.until}` : `wait ${step.ms} ms`;
    case 'scroll':
      return `scroll x${step.times ?? 1}`;
    case 'extract':
      return step.fields && Object.keys(step.fields).length > 0 ? `extract ${Object.keys(step.fields).join(', ')}` : step.selector ? `extract "${step.selector}"` : 'extract page';
    default:
      return unreachable(step, 'browser step');
  }
}

/**
 * Checks steps before any browser work: known action, the fields it needs,
 * sane numbers. Throws INVALID_INPUT naming the step (1-based) and field
 * (`steps.2.selector`). Selector syntax is checked by the browser when used.
 */
export function validateSteps(steps: readonly BrowserStep[]): void {
  if (!Array.isArray(steps)) throw invalid(0, 'steps', 'steps must be an array');
  steps.forEach((step, index) => validateStep(step, index));
}

function validateStep(step: BrowserStep, index: number): void {
  const action = (step as { action?: unknown } | null)?.action;
  if (typeof action !== 'string' || !(BROWSER_STEP_ACTIONS as readonly string[]).includes(action)) {
    throw invalid(index, 'action', `step ${index + 1}: unknown action ${JSON.stringify(action)} (expected ${BROWSER_STEP_ACTIONS.join(', ')})`);
  }
  optionalCount(step.timeoutMs, index, 'timeoutMs', 1, 10 * 60_000);
  switch (step.action) {
    case 'goto':
      return text(step.url, index, 'url');
    case 'click':
    case 'fill':
    case 'select':
      text(step.selector, index, 'selector');
      if (step.action === 'fill' && typeof step.value !== 'string') throw invalid(index, 'value', `step ${index + 1} (fill): value must be a string`);
      if (step.action === 'select' && !isStringOrList(step.value)) throw invalid(index, 'value', `step ${index + 1} (select): value must be a string or a list of strings`);
      return;
    case 'wait':
      return validateWait(step, index);
    case 'scroll':
      optionalCount(step.times, index, 'times', 1, MAX_SCROLLS);
      return optionalCount(step.delayMs, index, 'delayMs', 0, MAX_WAIT_MS);
    case 'paginate':
      text(step.selector, index, 'selector');
      optionalCount(step.maxPages, index, 'maxPages', 1, MAX_PAGES);
      if (step.stopWhen !== undefined) text(step.stopWhen, index, 'stopWhen');
      if (step.extract !== undefined) validateExtract(step.extract, index, 'extract.');
      return;
    case 'extract':
      return validateExtract(step, index, '');
    default:
      return unreachable(step, 'browser step');
  }
}

function validateWait(step: Extract<BrowserStep, { action: 'wait' }>, index: number): void {
  const given = [step.selector, step.until, step.ms].filter((value) => value !== undefined).length;
  if (given !== 1) throw invalid(index, 'selector', `step ${index + 1} (wait): give exactly one of selector, until, ms`);
  if (step.selector !== undefined) text(step.selector, index, 'selector');
  if (step.until !== undefined && step.until !== 'load' && step.until !== 'networkidle') {
    throw invalid(index, 'until', `step ${index + 1} (wait): until must be "load" or "networkidle"`);
  }
  optionalCount(step.ms, index, 'ms', 0, MAX_WAIT_MS);
}

function validateExtract(spec: ExtractSpec, index: number, prefix: string): void {
  if (spec.selector !== undefined) text(spec.selector, index, `${prefix}selector`);
  if (spec.fields === undefined) return;
  if (typeof spec.fields !== 'object' || spec.fields === null) throw invalid(index, `${prefix}fields`, `step ${index + 1} (extract): fields must be an object`);
  for (const [name, field] of Object.entries(spec.fields)) {
    if (!isField(field)) {
      throw invalid(index, `${prefix}fields.${name}`, `step ${index + 1} (extract): field "${name}" must be a selector or { selector, attribute? }`);
    }
  }
}

function isField(value: unknown): value is ExtractField {
  if (typeof value === 'string') return value.trim() !== '';
  if (typeof value !== 'object' || value === null) return false;
  const { selector, attribute } = value as { selector?: unknown; attribute?: unknown };
  return typeof selector === 'string' && selector.trim() !== '' && (attribute === undefined || typeof attribute === 'string');
}

function isStringOrList(value: unknown): boolean {
  return typeof value === 'string' || (Array.isArray(value) && value.every((entry) => typeof entry === 'string'));
}

function text(value: unknown, index: number, field: string): void {
  if (typeof value !== 'string' || value.trim() === '') throw invalid(index, field, `step ${index + 1}: ${field} must be a non-empty string`);
}

function optionalCount(value: unknown, index: number, field: string, min: number, max: number): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw invalid(index, field, `step ${index + 1}: ${field} must be an integer from ${min} to ${max}`);
  }
}

function invalid(index: number, field: string, message: string): TrawlError {
  return new TrawlError('INVALID_INPUT', message, { field: `steps.${index}.${field}`, step: index + 1 });
}
