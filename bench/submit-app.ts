/**
 * The server the submission benches measure, on a database they opened: migrated, with an agency to
 * file with (its 复议机关 and 法院 set, as the receipt letter names them), and the per-address and
 * per-applicant limits of src/server/submission-limits.ts lifted (every simulated citizen comes from
 * 127.0.0.1): the benches measure the database path, not the limiter. Shared by
 * bench/submit-server.ts (the child process of `npm run bench:submit` and of the kill -9 tests) and
 * bench/submit-cpu.ts (in process).
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createTestAgency } from '../src/commands/items/testing.ts';
import type { Db } from '../src/db/connection.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { buildServer } from '../src/server/app.ts';

// Attachments and the ID-number keyring of a bench run go to scratch places unless set (PostgreSQL
// has no folder of its own to put them beside).
process.env.GONGKAI_FILES_DIR ||= join(tmpdir(), 'gongkai-bench-files');
process.env.GONGKAI_ID_KEY_FILE ||= join(tmpdir(), 'gongkai-bench-keys.json');

/** `db` migrated, the agency `code` (created when missing), and the server on them, limits lifted. */
export async function submitApp(db: Db, code: string): Promise<{ app: FastifyInstance; agencyId: number }> {
  await migrateToLatest(db);
  const found = await db.kysely
    .selectFrom('agencies')
    .select('id')
    .where('code', '=', code)
    .executeTakeFirst();
  const agencyId = found?.id ?? (await createTestAgency(db, code));
  await db.kysely
    .updateTable('agencies')
    .set({ review_body: '威海市人民政府', court: '威海市环翠区人民法院' })
    .where('id', '=', agencyId)
    .execute();
  const unlimited = 1_000_000_000;
  const app = await buildServer({
    db,
    submissionLimits: {
      perAddressPerMinute: unlimited,
      perApplicantPerMinute: unlimited,
      postsPerAddressPerMinute: unlimited,
    },
  });
  return { app, agencyId };
}
