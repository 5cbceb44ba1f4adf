import fs from 'fs';

/**
 * An SQLite database is its file plus the companions SQLite keeps beside it: `-wal` and `-shm` in
 * WAL mode, `-journal` in rollback mode. They are copied and removed together: a copy of the main
 * file alone can miss the commits still in `-wal`.
 */
const COMPANIONS = ['-wal', '-shm', '-journal'];

export function removeSqlite(file: string): void {
  for (const suffix of ['', ...COMPANIONS]) fs.rmSync(`${file}${suffix}`, { force: true });
}

/** Copies a closed database (or one no process writes to) with its write-ahead log. */
export function copySqlite(from: string, to: string): void {
  removeSqlite(to);
  fs.copyFileSync(from, to);
  if (fs.existsSync(`${from}-wal`)) fs.copyFileSync(`${from}-wal`, `${to}-wal`);
}
