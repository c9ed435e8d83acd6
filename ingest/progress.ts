/** Progress for long CLI runs: a bar on a terminal, a periodic line otherwise (logs stay greppable). */
export interface Progress {
  update(done: number, total: number, label: string): void;
  done(): void;
}

const BAR_WIDTH = 28;
const LOG_EVERY_MILLIS = 5000;

export function createProgress(stream: NodeJS.WriteStream = process.stderr, now: () => number = Date.now): Progress {
  let lastLog = Number.NEGATIVE_INFINITY; // the first update always prints
  if (stream.isTTY) {
    return {
      update(done, total, label) {
        const filled = total ? Math.round((done / total) * BAR_WIDTH) : 0;
        const bar = `${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}`;
        stream.write(`\r${bar} ${done}/${total} ${label.slice(0, Math.max(10, (stream.columns ?? 80) - BAR_WIDTH - 16))}\x1b[K`);
      },
      done() {
        stream.write('\n');
      },
    };
  }
  return {
    update(done, total, label) {
      if (now() - lastLog < LOG_EVERY_MILLIS && done !== total) return;
      lastLog = now();
      stream.write(`progress ${done}/${total} ${label}\n`);
    },
    done() {},
  };
}

/** A plain text table (the end-of-run summary). */
export function formatTable(headers: string[], rows: Array<Array<string | number>>): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}
