import { openDb } from './src/db/connection.ts';
import { readSupervisionOverview } from './src/server/routes/supervision/read-overview.ts';
import { createCalendarService } from './src/calendar/calendar-service.ts';
import { clockOf } from './src/commands/context.ts';
const db = openDb('postgres://postgres@127.0.0.1:5432/bench_supervision');
const root = (await db.kysely.selectFrom('agencies').select('id').where('code', '=', 'sheng').executeTakeFirstOrThrow()).id;
const cal = await createCalendarService(db).get();
for (let i = 0; i < 6; i++) {
  const s = performance.now();
  await readSupervisionOverview(db, cal, clockOf(() => new Date('2026-03-16T02:00:00Z')), { rootId: root, year: 2025, today: '2026-03-16' });
  console.log('whole', (performance.now() - s).toFixed(0));
}
await db.close();
