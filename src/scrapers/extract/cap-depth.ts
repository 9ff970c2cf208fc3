import type { CheerioAPI } from 'cheerio/slim';

/** The tree fields of a parsed node (domhandler), typed structurally to keep the vendor types out. */
interface TreeNode {
  parent: TreeNode | null;
  prev: TreeNode | null;
  next: TreeNode | null;
  children?: TreeNode[];
}

/** Blink's parser limit: deeper elements are attached to the element at this depth. */
export const MAX_TREE_DEPTH = 512;
const MAX_ROOT_CHILDREN = 64;

/**
 * Flattens the elements below `maxDepth` into the element at that depth, in
 * document order, much as browsers do for absurdly nested markup (thousands
 * of unclosed tags). Selector engines and text extraction walk ancestors or
 * recurse, so an unbounded depth makes every query quadratic or overflows
 * the stack. Content directly under a wide root is first wrapped in one
 * `<html>` element. Returns how many subtrees were flattened.
 */
export function capTreeDepth($: CheerioAPI, maxDepth: number = MAX_TREE_DEPTH): number {
  const root = $.root().get(0) as unknown as TreeNode;
  const stack: { node: TreeNode; depth: number }[] = [{ node: root, depth: 0 }];
  let flattened = 0;
  wrapWideRoot($, root);
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const children = entry.node.children ?? [];
    if (entry.depth < maxDepth) {
      for (const child of children) if (child.children && child.children.length > 0) stack.push({ node: child, depth: entry.depth + 1 });
      continue;
    }
    if (!children.some((child) => child.children && child.children.length > 0)) continue;
    adopt(entry.node, descendantsInOrder(entry.node));
    flattened++;
  }
  return flattened;
}

/**
 * A document without `<html>` whose content sits directly under the root:
 * every cheerio query from the root costs the square of the root's child
 * count (`removeSubsets`), so such content is moved under one `<html>` element.
 */
function wrapWideRoot($: CheerioAPI, root: TreeNode): void {
  const children = root.children ?? [];
  if (children.length <= MAX_ROOT_CHILDREN) return;
  const wrapper = $('<html></html>').get(0) as unknown as TreeNode;
  reparent(wrapper, children);
  reparent(root, [wrapper]);
}

/** The element descendants of `node` in document order; the direct non-element children stay first in place. */
function descendantsInOrder(node: TreeNode): TreeNode[] {
  const ordered: TreeNode[] = [];
  const pending = [...(node.children ?? [])].reverse();
  for (let current = pending.pop(); current; current = pending.pop()) {
    ordered.push(current);
    const children = current.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) if (children[i]!.children) pending.push(children[i]!);
  }
  return ordered;
}

/**
 * Makes `nodes` the children of `parent`; each element among them keeps its
 * own text and comment children (an over-deep `<h1>` keeps its title) but
 * loses its element children, which are in `nodes` themselves.
 */
function adopt(parent: TreeNode, nodes: TreeNode[]): void {
  for (const node of nodes) if (node.children) node.children = node.children.filter((child) => !child.children);
  reparent(parent, nodes);
}

function reparent(parent: TreeNode, nodes: TreeNode[]): void {
  nodes.forEach((node, index) => {
    node.parent = parent;
    node.prev = nodes[index - 1] ?? null;
    node.next = nodes[index + 1] ?? null;
  });
  parent.children = nodes;
}
