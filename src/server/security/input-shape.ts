/** Bounds on the shape of client input (GraphQL variables, REST bodies). */
export interface InputBounds {
  maxStringChars: number;
  maxListItems: number;
}

/** Nesting deeper than this is refused: no trawl input comes close. */
export const MAX_INPUT_NESTING = 32;

/** Where input broke a bound, and how (a sentence naming the setting). */
export interface InputProblem {
  path: string;
  message: string;
}

/**
 * The first place a JSON value breaks a bound: a string (or object key)
 * longer than `maxStringChars`, a list longer than `maxListItems`, nesting
 * deeper than {@link MAX_INPUT_NESTING}. Walked without recursion, so
 * hostile nesting cannot exhaust the stack.
 */
export function findInputProblem(value: unknown, bounds: InputBounds, root = 'input'): InputProblem | undefined {
  const stack: [unknown, string, number][] = [[value, root, 0]];
  while (stack.length > 0) {
    const [item, path, depth] = stack.pop() as [unknown, string, number];
    if (typeof item === 'string') {
      if (item.length > bounds.maxStringChars) return tooLong(path, item.length, bounds);
      continue;
    }
    if (typeof item !== 'object' || item === null) continue;
    if (depth >= MAX_INPUT_NESTING) return { path, message: `${path} nests deeper than ${MAX_INPUT_NESTING} levels` };
    if (Array.isArray(item)) {
      if (item.length > bounds.maxListItems) {
        return { path, message: `${path} has ${item.length} items; the limit is ${bounds.maxListItems} (TRAWL_MAX_INPUT_LIST_ITEMS)` };
      }
      item.forEach((child, index) => stack.push([child, `${path}[${index}]`, depth + 1]));
      continue;
    }
    for (const [key, child] of Object.entries(item)) {
      if (key.length > bounds.maxStringChars) return tooLong(`${path} (a key)`, key.length, bounds);
      stack.push([child, `${path}.${key}`, depth + 1]);
    }
  }
  return undefined;
}

function tooLong(path: string, length: number, bounds: InputBounds): InputProblem {
  return { path, message: `${path} is ${length} characters long; the limit is ${bounds.maxStringChars} (TRAWL_MAX_INPUT_STRING_CHARS)` };
}
