import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/**
 * Money in 分 (issue 14): real reports print 行政事业性收费 in 万元 with up to six decimals
 * (24252.311082 万元 = 24,252,311,082 分), which whole 元 cannot hold. Every amount becomes whole 分
 * (×100, exact: the old values were whole 元):
 *
 * - `admin_figures.fees_yuan` → `fees_fen`, with `fees_wan_text`: the 万元 as the agency entered it
 *   (what the report prints); old rows get the text the report printed from them (706, 652.3).
 * - `admin_figures.procurement_amount_yuan` → `procurement_amount_fen` (the 2019 format's 采购总金额),
 *   with `procurement_amount_yuan_text`: the 元 as entered; old rows the whole 元 they printed.
 * - `requests.fee_yuan` → `fee_fen` (the 信息处理费 paid).
 * - The JSON that names amounts: events' data (the fee notice's and payment's `amountYuan` →
 *   `amountFen`; the yearly figures' before/after) and the published versions' frozen facts (the
 *   report itself — cells, text — is left byte for byte as published).
 *
 * An amount above 9,999,999,999,999 元 (money.ts's MAX_FEN in 分) would not stay exact: the
 * migration stops, naming it, rather than round it.
 *
 * The conversion is written out here, not imported, so that this migration does what it did when
 * it was written whatever later code does.
 */
export function moneyInFenMigration() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      const figures = db.schema.alterTable('admin_figures');
      await figures.renameColumn('fees_yuan', 'fees_fen').execute();
      await figures.renameColumn('procurement_amount_yuan', 'procurement_amount_fen').execute();
      await figures.addColumn('fees_wan_text', 'text', (c) => c.notNull().defaultTo('0')).execute();
      await figures.addColumn('procurement_amount_yuan_text', 'text').execute();
      await db.schema.alterTable('requests').renameColumn('fee_yuan', 'fee_fen').execute();
      await convertFigures(db);
      const { rows } = await sql<{ most: unknown }>`select max(fee_fen) as most from requests`.execute(db);
      requireExact(Number(rows[0]?.most ?? 0));
      await sql`update requests set fee_fen = fee_fen * 100`.execute(db);
      await convertJson(db, 'events', 'data');
      await convertJson(db, 'annual_report_versions', 'snapshot');
    },
  };
}

/** Whole 元 → the 万元 text the report printed (7060000 → "706", 3500 → "0.35"). */
function wanText(yuan: number): string {
  requireExact(yuan);
  const whole = Math.floor(yuan / 10000);
  const rest = yuan % 10000;
  return rest === 0 ? String(whole) : `${whole}.${String(rest).padStart(4, '0').replace(/0+$/, '')}`;
}

/** The most whole 元 that are still exact in 分 (MAX_FEN / 100). */
const MAX_YUAN = 9_999_999_999_999;

function requireExact(yuan: number): number {
  if (!Number.isSafeInteger(yuan) || yuan > MAX_YUAN)
    throw new Error(
      `0029: an amount of ${yuan} 元 is beyond ${MAX_YUAN} 元 and cannot be kept exactly in 分`,
    );
  return yuan;
}

type Row = {
  id?: number;
  agency_id: number;
  year: number;
  fees_fen: unknown;
  procurement_amount_fen: unknown;
};

async function convertFigures(db: Kysely<unknown>): Promise<void> {
  const { rows } =
    await sql<Row>`select agency_id, year, fees_fen, procurement_amount_fen from admin_figures`.execute(db);
  for (const row of rows) {
    const yuan = Number(row.fees_fen);
    const procurement =
      row.procurement_amount_fen === null ? null : requireExact(Number(row.procurement_amount_fen));
    await sql`update admin_figures set fees_fen = ${yuan * 100}, fees_wan_text = ${wanText(yuan)},
        procurement_amount_fen = ${procurement === null ? null : procurement * 100},
        procurement_amount_yuan_text = ${procurement === null ? null : String(procurement)}
      where agency_id = ${row.agency_id} and year = ${row.year}`.execute(db);
  }
}

/**
 * An amount named in 元 anywhere in a JSON value, in 分: `feesYuan` → `feesFen` (and, in yearly
 * figures — an object with `licenseDecisions` — `feesWan`, the text printed), `amountYuan` →
 * `amountFen`, `procurementAmountYuan` (a number) → `procurementAmountFen` and the 元 text.
 * Returns whether anything changed.
 */
export function amountsInFen(value: unknown): boolean {
  if (Array.isArray(value)) return value.map(amountsInFen).some(Boolean);
  if (value === null || typeof value !== 'object') return false;
  const object = value as Record<string, unknown>;
  let changed = Object.values(object).map(amountsInFen).some(Boolean);
  const rename = (from: string, to: string, text?: string) => {
    const amount = object[from];
    if (typeof amount !== 'number') return;
    delete object[from];
    object[to] = requireExact(amount) * 100;
    if (text) object[text] = text === 'feesWan' ? wanText(amount) : String(amount);
    changed = true;
  };
  rename('feesYuan', 'feesFen', 'licenseDecisions' in object ? 'feesWan' : undefined);
  rename('amountYuan', 'amountFen');
  rename('procurementAmountYuan', 'procurementAmountFen', 'procurementAmountYuan');
  return changed;
}

async function convertJson(db: Kysely<unknown>, table: string, column: string): Promise<void> {
  const { rows } = await sql<{
    id: number;
    text: string;
  }>`select id, ${sql.ref(column)} as text from ${sql.table(table)}
      where ${sql.ref(column)} like ${'%Yuan"%'}`.execute(db);
  for (const row of rows) {
    const parsed: unknown = JSON.parse(row.text);
    if (!amountsInFen(parsed)) continue;
    await sql`update ${sql.table(table)} set ${sql.ref(column)} = ${JSON.stringify(parsed)} where id = ${row.id}`.execute(
      db,
    );
  }
}
