import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/db/connection.ts';
import { migrateTo, migrateToLatest } from '../src/db/migrate.ts';
import { figuresOfRow } from '../src/db/queries/admin-figures.ts';
import { testDatabases } from './databases.ts';
import { scratchSchema } from './fresh-databases.ts';

/** 0013 adds the 2019 format's own figures to `admin_figures`: rows before it keep theirs, none stated. */
for (const { name, url } of testDatabases()) {
  describe(`0013 the 2019 format's figures [${name}]`, () => {
    let db: Db;
    let drop: () => Promise<void> = async () => {};

    beforeAll(async () => {
      ({ db, drop } = await scratchSchema(url));
      await migrateTo(db, '0012-one-event-log');
      await sql`insert into agencies (code, name, short_name, kind, created_at)
        values ('a', '甲', '甲', 'county', '2021-01-01T00:00:00Z')`.execute(db.kysely);
      await sql`insert into admin_figures (agency_id, year, license_decisions, penalty_decisions, enforcement_decisions, fees_yuan)
        select id, 2020, 4980, 240, 18, 6523000 from agencies where code = 'a'`.execute(db.kysely);
      await migrateToLatest(db);
    });
    afterAll(async () => {
      await drop();
    });

    it('keeps an earlier row as it was, with none of the new figures stated (null, not 0)', async () => {
      const row = await db.kysely.selectFrom('admin_figures').selectAll().executeTakeFirstOrThrow();
      expect([row.license_items_prev, row.fees_items_change, row.procurement_amount_fen]).toEqual([
        null,
        null,
        null,
      ]);
      expect(figuresOfRow(row)).toEqual({
        licenseDecisions: 4980,
        penaltyDecisions: 240,
        enforcementDecisions: 18,
        feesFen: 652_300_000, // 0029: whole 元 became 分
        feesWan: '652.3',
      });
    });

    it('stores a negative 本年增/减 and an amount beyond 32 bits', async () => {
      await db.kysely
        .updateTable('admin_figures')
        .set({
          license_items_change: -8,
          procurement_amount_fen: 12_345_678_901,
          procurement_amount_yuan_text: '123456789.01',
        })
        .execute();
      const row = await db.kysely.selectFrom('admin_figures').selectAll().executeTakeFirstOrThrow();
      expect(figuresOfRow(row)).toMatchObject({
        licenseItemsChange: -8,
        procurementAmountFen: 12_345_678_901,
        procurementAmountYuan: '123456789.01',
      });
    });
  });
}
