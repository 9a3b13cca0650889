// PGlite is a single-process database: two processes writing one data folder
// would corrupt it. A lock file with the owner's pid keeps the second one out,
// and is taken over when its owner is gone.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../errors.js';

export function acquireDataDirLock(dir: string): () => void {
  const file = join(dir, '..', 'pglite.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      let released = false;
      return () => {
        if (released) return;
        released = true;
        rmSync(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(file, 'utf8'));
      if (owner && owner !== process.pid && isAlive(owner)) {
        throw new AppError(
          'embedded_database_busy',
          409,
          `Cơ sở dữ liệu nhúng trong ${dir} đang được tiến trình ${owner} sử dụng. ` +
            'Hãy dừng tiến trình đó (ví dụ par-survey serve) hoặc dùng PostgreSQL qua DATABASE_URL để chạy nhiều tiến trình cùng lúc.',
        );
      }
      rmSync(file, { force: true });
    }
  }
  throw new Error(`could not lock ${file}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
