// The opaque /v1/changes cursor: the database's feed epoch, the last sequence number sent, and the head of the feed
// when the client's current round of pages began (a round ends with `more: false`). From scratch, tombstones up to
// that head are of customers it never received, so they are skipped; once following, the client held every row as of
// that head, so only a customer that left its scope after it can be one it holds (server/scopes/filter.ts).
// base64url of "v1.<epoch>.<after>.<snapshot>".

export interface FeedPosition {
  /** The last sequence number the client has. */
  after: number;
  /** Feed head when this round of pages began (cursors from before scopes carry 0 once following: still valid). */
  snapshot: number;
}

export function encodeCursor(epoch: string, position: FeedPosition): string {
  return Buffer.from(`v1.${epoch}.${position.after}.${position.snapshot}`).toString('base64url');
}

/** The position a cursor stands for, or undefined when this feed cannot have issued it. */
export function decodeCursor(epoch: string, cursor: string): FeedPosition | undefined {
  const match = /^v1\.([0-9a-f]{32})\.(\d{1,15})\.(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match || match[1] !== epoch) return undefined;
  const position = { after: Number(match[2]), snapshot: Number(match[3]) };
  return encodeCursor(epoch, position) === cursor ? position : undefined;
}
