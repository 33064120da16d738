// A progress bar on standard error (never standard output, which carries the JSON).
export interface Progress {
  /** One item done; `outcome` says what the items so far came to (入库 4（其中待确认 1），重复 1，失败 0). */
  tick(label?: string, outcome?: string): void;
  /** What the current item is doing (a scan's OCR page by page), without advancing. */
  note(label: string): void;
  done(): void;
}

export function progressBar(total: number, title: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  const started = Date.now();
  let current = 0;
  let lastDrawn = -1;
  let outcome = '';
  const width = 28;
  const draw = (label: string) => {
    const ratio = total === 0 ? 1 : current / total;
    const pct = Math.floor(ratio * 100);
    // Without a terminal, print a plain line every 10% instead of redrawing.
    if (!stream.isTTY) {
      if (pct - lastDrawn < 10 && current !== total) return;
      lastDrawn = pct;
      stream.write(`${title} ${current}/${total} (${pct}%)${outcome && ` ${outcome}`}\n`);
      return;
    }
    const filled = Math.round(ratio * width);
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    const line = `${title} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${current}/${total} ${pct}% ${secs}s ${outcome && `${outcome} `}${label}`;
    stream.write(`\r\x1b[K${line.slice(0, (stream.columns ?? 100) - 1)}`);
  };
  return {
    tick(label = '', said = outcome) {
      current++;
      outcome = said;
      draw(label);
    },
    note(label) {
      // Without a terminal every note is a line of its own: they come seconds apart (an OCR page each).
      if (stream.isTTY) draw(label);
      else stream.write(`${title} ${current}/${total} ${label}\n`);
    },
    done() {
      if (stream.isTTY) stream.write('\n');
    },
  };
}
