// The opaque /v1/changes cursor: the database's feed epoch, the last sequence number sent, and the head of the feed
// when the client's current round of pages began (a round ends with `more: false`). From scratch, tombstones up to
// that head are of customers it never received, so they are skipped; once following, the client held every row as of
// that head, so only a customer that left its scope after it can be one it holds (server/scopes/filter.ts).
// Within a round, the cursor also carries how many changes were left to read, so that a page need not count them again
// (counting the rest of a large feed costs more than reading a page). base64url of
// "v1.<epoch>.<after>.<snapshot>[.<remaining>]".

export interface FeedPosition {
  /** The last sequence number the client has. */
  after: number;
  /** Feed head when this round of pages began (cursors from before scopes carry 0 once following: still valid). */
  snapshot: number;
  /** Changes left after `after` when the cursor was issued; absent at the start of a round (the page counts them). */
  remaining?: number;
}

export function encodeCursor(epoch: string, position: FeedPosition): string {
  const remaining = position.remaining === undefined ? '' : `.${position.remaining}`;
  return Buffer.from(`v1.${epoch}.${position.after}.${position.snapshot}${remaining}`).toString('base64url');
}

/** The position a cursor stands for, or undefined when this feed cannot have issued it. */
export function decodeCursor(epoch: string, cursor: string): FeedPosition | undefined {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^v1\.([0-9a-f]{32})\.(\d{1,15})\.(\d{1,15})(?:\.(\d{1,15}))?$/.exec(text);
  if (!match || match[1] !== epoch) return undefined;
  const position: FeedPosition = { after: Number(match[2]), snapshot: Number(match[3]) };
  if (match[4] !== undefined) position.remaining = Number(match[4]);
  return encodeCursor(epoch, position) === cursor ? position : undefined;
}
