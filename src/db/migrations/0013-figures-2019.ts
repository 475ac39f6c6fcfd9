import type { Kysely } from 'kysely';

/** The 2019 trial format's own yearly figures (counts, and 本年增/减 which may be negative). */
const COUNTS = [
  'license_items_prev',
  'license_items_change',
  'other_services_items_prev',
  'other_services_items_change',
  'other_services_decisions',
  'penalty_items_prev',
  'penalty_items_change',
  'enforcement_items_prev',
  'enforcement_items_change',
  'fees_items_prev',
  'fees_items_change',
  'procurement_projects',
];

/**
 * The yearly figures only the 2019 trial format (国办公开办函〔2019〕60号, the reports on 2019 and
 * 2020) prints: 上一年项目数量 and 本年增/减 of table 二 (五)(六)(八), 其他对外管理服务事项's
 * 处理决定数量, and (九) 政府集中采购 (projects, total amount in whole 元). Nullable: a figure not
 * stated is not 0 (its cell stays empty).
 */
export function figures2019Migration() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      for (const column of COUNTS)
        await db.schema.alterTable('admin_figures').addColumn(column, 'integer').execute();
      await db.schema.alterTable('admin_figures').addColumn('procurement_amount_yuan', 'bigint').execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      for (const column of [...COUNTS, 'procurement_amount_yuan'])
        await db.schema.alterTable('admin_figures').dropColumn(column).execute();
    },
  };
}
