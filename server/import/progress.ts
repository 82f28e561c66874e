// Progress on stderr while a file is imported: a bar redrawn in place on a terminal, a plain line per batch
// otherwise (logs, CI), so stdout keeps only the summary.

export interface Progress {
  /** Records read so far, and how much of the file. */
  update(records: number, bytesRead: number): void;
  /** After each batch applied. */
  batch(records: number, bytesRead: number): void;
  done(): void;
}

const WIDTH = 30;
const percent = (bytesRead: number, total: number) => (total > 0 ? Math.min(100, (bytesRead / total) * 100) : 100);
const count = (records: number) => records.toLocaleString('en-US');

export function progressOn(stream: NodeJS.WriteStream, totalBytes: number): Progress {
  if (!stream.isTTY) {
    return {
      update() {},
      batch(records, bytesRead) {
        stream.write(`Import: ${count(records)} records read (${percent(bytesRead, totalBytes).toFixed(0)}%)\n`);
      },
      done() {},
    };
  }
  let drawnAt = 0;
  const draw = (records: number, bytesRead: number) => {
    const share = percent(bytesRead, totalBytes);
    const filled = Math.round((share / 100) * WIDTH);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}`;
    stream.write(`\r${bar} ${share.toFixed(0).padStart(3)}% ${count(records)} records`);
  };
  return {
    update(records, bytesRead) {
      const now = Date.now();
      if (now - drawnAt < 100) return;
      drawnAt = now;
      draw(records, bytesRead);
    },
    batch: draw,
    done() {
      stream.write('\n');
    },
  };
}
