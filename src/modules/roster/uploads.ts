// A dry-run upload kept for an hour so the officer can confirm it without
// choosing the file again. Bound to its campaign and body: another body's
// officer cannot confirm it even with its id.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const TTL_MS = 60 * 60 * 1000;
const ID = /^[a-f0-9]{32}$/;

export type PendingUpload = { campaignId: string; bodyCode: string; group: string | undefined; fileName: string | undefined };

export function createUploadStore(dataDir: string) {
  const dir = join(dataDir, 'roster-uploads');

  async function sweep() {
    const now = Date.now();
    for (const name of await readdir(dir).catch(() => [] as string[])) {
      const s = await stat(join(dir, name)).catch(() => null);
      if (s && now - s.mtimeMs > TTL_MS) await rm(join(dir, name), { force: true });
    }
  }

  return {
    async put(bytes: Buffer, meta: PendingUpload): Promise<string> {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      await sweep();
      const id = randomBytes(16).toString('hex');
      await writeFile(join(dir, `${id}.bin`), bytes, { mode: 0o600 });
      await writeFile(join(dir, `${id}.json`), JSON.stringify(meta), { mode: 0o600 });
      return id;
    },

    /** The upload when it exists, is fresh and belongs to this body. */
    async take(id: string, campaignId: string, bodyCode: string): Promise<(PendingUpload & { bytes: Buffer }) | null> {
      if (!ID.test(id)) return null;
      try {
        const meta = JSON.parse(await readFile(join(dir, `${id}.json`), 'utf8')) as PendingUpload;
        const s = await stat(join(dir, `${id}.bin`));
        if (meta.campaignId !== campaignId || meta.bodyCode !== bodyCode || Date.now() - s.mtimeMs > TTL_MS) return null;
        return { ...meta, bytes: await readFile(join(dir, `${id}.bin`)) };
      } catch {
        return null;
      }
    },

    async drop(id: string) {
      if (!ID.test(id)) return;
      await rm(join(dir, `${id}.bin`), { force: true });
      await rm(join(dir, `${id}.json`), { force: true });
    },
  };
}
