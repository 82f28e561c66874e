// A file read as lines, streamed (a file of millions of customers is never held whole), with how far into it each
// line ends, for the progress bar.
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

export interface Line {
  /** 1-based. */
  number: number;
  text: string;
  /** Bytes of the file up to the end of this line. */
  bytesRead: number;
}

export async function* readLines(file: string): AsyncGenerator<Line> {
  const stream = createReadStream(file, { highWaterMark: 1 << 20 });
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let number = 0;
  let consumed = 0;
  for await (const chunk of stream) {
    pending += decoder.write(chunk as Buffer);
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const text of lines) {
      number += 1;
      consumed += Buffer.byteLength(text, 'utf8') + 1;
      yield { number, text: text.endsWith('\r') ? text.slice(0, -1) : text, bytesRead: consumed };
    }
  }
  pending += decoder.end();
  if (pending !== '') yield { number: number + 1, text: pending, bytesRead: consumed + Buffer.byteLength(pending) };
}
