import type { JsonlObject } from './jsonl';
import type { CustomerNode, LineItemNode, OrderNode } from './nodes';

/**
 * A customer line of the bulk export and the lines after it, back into the shape the paged queries return
 * (`orders.nodes[].lineItems.nodes[]`), so one mapper serves both. Children are told apart by their id's type and
 * linked by `__parentId`. A line that was not JSON stays as it is: it has no id, and the engine quarantines it.
 */
export function customerOfGroup(group: JsonlObject[]): CustomerNode | JsonlObject {
  const [root, ...children] = group;
  if (!root || 'unreadable' in root) return root ?? {};
  const orders = new Map<string, OrderNode & { lineItems: { nodes: LineItemNode[] } }>();
  for (const child of children) {
    if (typeof child.id === 'string' && child.id.startsWith('gid://shopify/Order/')) {
      orders.set(child.id, { ...(child as OrderNode), lineItems: { nodes: [] } });
    }
  }
  for (const child of children) {
    if (typeof child.id === 'string' && child.id.startsWith('gid://shopify/LineItem/')) {
      orders.get(child.__parentId as string)?.lineItems.nodes.push(child as LineItemNode);
    }
  }
  return { ...(root as CustomerNode), orders: { nodes: [...orders.values()] } };
}

export function isReadable(node: CustomerNode | JsonlObject): node is CustomerNode {
  return !('unreadable' in node);
}
