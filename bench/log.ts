/** Progress lines on stderr, with the seconds since the bench started (where a run spends its time). */
const started = Date.now();

export const log = (message: string): void => void process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(1)}s] ${message}\n`);
