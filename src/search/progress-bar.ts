// A one-line progress bar for long CLI work; plain periodic lines when output is not a terminal.
export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr) {
  const started = Date.now();
  let lastLine = 0;
  return (done: number, total: number) => {
    const pct = total ? Math.min(1, done / total) : 1;
    const secs = (Date.now() - started) / 1000;
    const rate = secs > 0 ? Math.round(done / secs) : 0;
    if (stream.isTTY) {
      const width = 30;
      const filled = Math.round(pct * width);
      stream.write(`\r${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} (${rate}/s)`);
      if (done >= total) stream.write('\n');
    } else if (done >= total || Date.now() - lastLine > 2000) {
      lastLine = Date.now();
      stream.write(`${label} ${done}/${total} (${Math.round(pct * 100)} %, ${rate}/s)\n`);
    }
  };
}
