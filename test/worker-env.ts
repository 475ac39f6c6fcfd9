/**
 * Set-up of every unit test file: each worker its own attachments folder. Attachments are stored
 * by content (src/files/file-store.ts) and removed when their database no longer uses them, so two
 * workers sharing one folder could remove a file the other's database still holds.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';

process.env.GONGKAI_FILES_DIR = join(tmpdir(), `gongkai-test-files-${process.env.VITEST_POOL_ID ?? '1'}`);
