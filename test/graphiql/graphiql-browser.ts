import { join } from 'node:path';
import type { Page } from 'playwright-core';

/** Where browser tests keep their screenshots (kept after the run as test artifacts). */
export const ARTIFACTS_DIR = join(process.cwd(), '.cache', 'test-artifacts');

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic',
];

type CodeMirrorElement = Element & {
  /** CodeMirror 5 instance; GraphiQL keeps the parsed query on the query editor's instance. */
  CodeMirror: { getValue(): string; setValue(value: string): void; documentAST?: unknown };
};

export const QUERY_EDITOR = '.graphiql-query-editor .CodeMirror';
export const HEADERS_EDITOR = '.graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror';
const RESPONSE = '.graphiql-response .CodeMirror';

/** Sets an editor's text through CodeMirror's API; GraphiQL sees the same change event as typing. */
export async function setEditor(page: Page, selector: string, text: string): Promise<void> {
  await page.locator(selector).evaluate((el, value) => (el as unknown as CodeMirrorElement).CodeMirror.setValue(value), text);
}

/** Sets the query and waits until GraphiQL has parsed it (it re-reads the operation shortly after the last edit). */
export async function setQuery(page: Page, query: string): Promise<void> {
  await page.locator(QUERY_EDITOR).evaluate(async (el, value) => {
    const editor = (el as unknown as CodeMirrorElement).CodeMirror;
    const before = editor.documentAST;
    editor.setValue(value);
    const deadline = Date.now() + 5_000;
    while (editor.documentAST === before) {
      if (Date.now() > deadline) throw new Error(`GraphiQL did not parse ${value}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }, query);
}

/** The text of the response pane. */
export async function responseText(page: Page): Promise<string> {
  return page.locator(RESPONSE).evaluate((el) => (el as unknown as CodeMirrorElement).CodeMirror.getValue());
}

/** Waits until the response pane shows `fragment`. */
export async function waitForResponse(page: Page, fragment: string, timeoutMs = 30_000): Promise<void> {
  await page.waitForFunction(({ selector, expected }) => {
    const el = document.querySelector(selector) as CodeMirrorElement | null;
    return el?.CodeMirror.getValue().includes(expected) ?? false;
  }, { selector: RESPONSE, expected: fragment }, { timeout: timeoutMs });
}

/** graphql-ws messages the page received, in order. */
export function recordSocketMessages(page: Page): { type: string; payload?: { data?: Record<string, unknown> } }[] {
  const messages: { type: string; payload?: { data?: Record<string, unknown> } }[] = [];
  page.on('websocket', (socket) => {
    socket.on('framereceived', ({ payload }) => {
      try {
        messages.push(JSON.parse(payload.toString()));
      } catch {
        messages.push({ type: `unparsable frame: ${payload.toString()}` });
      }
    });
  });
  return messages;
}
