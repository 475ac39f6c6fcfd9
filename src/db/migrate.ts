import {
  type DatabaseIntrospector,
  type Kysely,
  type Migration,
  type MigrationProvider,
  type MigrationResultSet,
  Migrator,
  sql,
} from 'kysely';
import type { Db } from './connection.ts';
import { initialMigration } from './migrations/0001-initial.ts';
import { requestCasesMigration } from './migrations/0002-request-cases.ts';
import { itemsMigration } from './migrations/0003-items.ts';
import { registryMigration } from './migrations/0004-registry.ts';
import { searchMigration } from './migrations/0005-search.ts';
import { accountsMigration } from './migrations/0006-accounts.ts';
import { portalMigration } from './migrations/0007-portal.ts';
import { reportVersionsMigration } from './migrations/0009-report-versions.ts';
import { searchHashsizeMigration } from './migrations/0010-search-hashsize.ts';
import { letterDeliveriesMigration } from './migrations/0011-letter-deliveries.ts';
import { oneEventLogMigration } from './migrations/0012-one-event-log.ts';
import { figures2019Migration } from './migrations/0013-figures-2019.ts';
import { reportGuardMigration } from './migrations/0014-report-guard.ts';
import { agencyRemediesMigration } from './migrations/0015-agency-remedies.ts';
import { requestKindMigration } from './migrations/0017-request-kind.ts';
import { oralAndAssistanceMigration } from './migrations/0018-oral-and-assistance.ts';
import { publicationProposalsMigration } from './migrations/0019-publication-proposals.ts';
import { withheldReviewsMigration } from './migrations/0020-withheld-reviews.ts';
import { letterSourceMigration } from './migrations/0021-letter-source.ts';
import { siteSettingsMigration } from './migrations/0022-site-settings.ts';
import { guideAndNotesMigration } from './migrations/0023-guide-and-notes.ts';
import { reportPdfsMigration } from './migrations/0025-report-pdfs.ts';
import { approvalRequestsMigration } from './migrations/0026-approval-requests.ts';
import { siteFilesMigration } from './migrations/0027-site-files.ts';
import { itemApprovalsMigration } from './migrations/0028-item-approvals.ts';
import { moneyInFenMigration } from './migrations/0029-money-in-fen.ts';
import { reportChecksMigration } from './migrations/0030-report-checks.ts';
import { remindersMigration } from './migrations/0031-reminders.ts';
import { screeningMigration } from './migrations/0032-screening.ts';
import { agencyTreeMigration } from './migrations/0033-agency-tree.ts';
import { inspectionMigration } from './migrations/0034-inspection.ts';
import { newMediaMigration } from './migrations/0035-new-media.ts';
import { scheduledRunsMigration } from './migrations/0036-scheduled-runs.ts';
import { linkChecksMigration } from './migrations/0037-link-checks.ts';
import { websiteReportsMigration } from './migrations/0038-website-reports.ts';
import { catalogMigration } from './migrations/0039-catalog.ts';
import { supervisionIndexesMigration } from './migrations/0040-supervision-indexes.ts';
import { keptCountsMigration } from './migrations/0041-kept-counts.ts';
import { rateLimitsMigration } from './migrations/0042-rate-limits.ts';
import { searchFacetsMigration } from './migrations/0043-search-facets.ts';
import { partialPublicationIndexesMigration } from './migrations/0044-partial-publication-indexes.ts';
import { newMediaClosuresMigration } from './migrations/0045-new-media-closures.ts';
import { searchNewestMigration } from './migrations/0046-search-newest.ts';
import { searchNewestProbeMigration } from './migrations/0047-search-newest-probe.ts';
import { itemsPublishedNewestMigration } from './migrations/0048-items-published-newest.ts';
import { searchNewestMonthKeyMigration } from './migrations/0049-search-newest-month-key.ts';

/** The migrations, in order; each is written once with Kysely's schema builder for both databases. */
function provider(db: Db): MigrationProvider {
  return {
    async getMigrations(): Promise<Record<string, Migration>> {
      return {
        '0001-initial': initialMigration(db.dialect),
        '0002-request-cases': requestCasesMigration(db.dialect),
        '0003-items': itemsMigration(db.dialect),
        '0004-registry': registryMigration(db.dialect),
        '0005-search': searchMigration(db.dialect),
        '0006-accounts': accountsMigration(db.dialect),
        '0007-portal': portalMigration(),
        '0009-report-versions': reportVersionsMigration(db.dialect),
        '0010-search-hashsize': searchHashsizeMigration(db.dialect),
        '0011-letter-deliveries': letterDeliveriesMigration(),
        '0012-one-event-log': oneEventLogMigration(db.dialect),
        '0013-figures-2019': figures2019Migration(),
        '0014-report-guard': reportGuardMigration(),
        '0015-agency-remedies': agencyRemediesMigration(),
        '0017-request-kind': requestKindMigration(),
        '0018-oral-and-assistance': oralAndAssistanceMigration(),
        '0019-publication-proposals': publicationProposalsMigration(db.dialect),
        '0020-withheld-reviews': withheldReviewsMigration(db.dialect),
        '0021-letter-source': letterSourceMigration(),
        '0022-site-settings': siteSettingsMigration(),
        '0023-guide-and-notes': guideAndNotesMigration(db.dialect),
        '0025-report-pdfs': reportPdfsMigration(db.dialect),
        '0026-approval-requests': approvalRequestsMigration(db.dialect),
        '0027-site-files': siteFilesMigration(),
        '0028-item-approvals': itemApprovalsMigration(db.dialect),
        '0029-money-in-fen': moneyInFenMigration(),
        '0030-report-checks': reportChecksMigration(db.dialect),
        '0031-reminders': remindersMigration(db.dialect),
        '0032-screening': screeningMigration(db.dialect),
        '0033-agency-tree': agencyTreeMigration(),
        '0034-inspection': inspectionMigration(),
        '0035-new-media': newMediaMigration(db.dialect),
        '0036-scheduled-runs': scheduledRunsMigration(),
        '0037-link-checks': linkChecksMigration(db.dialect),
        '0038-website-reports': websiteReportsMigration(),
        '0039-catalog': catalogMigration(db.dialect),
        '0040-supervision-indexes': supervisionIndexesMigration(),
        '0041-kept-counts': keptCountsMigration(),
        '0042-rate-limits': rateLimitsMigration(db.dialect),
        '0043-search-facets': searchFacetsMigration(db.dialect),
        '0044-partial-publication-indexes': partialPublicationIndexesMigration(),
        '0045-new-media-closures': newMediaClosuresMigration(db.dialect),
        '0046-search-newest': searchNewestMigration(db.dialect),
        '0047-search-newest-probe': searchNewestProbeMigration(db.dialect),
        '0048-items-published-newest': itemsPublishedNewestMigration(),
        '0049-search-newest-month-key': searchNewestMonthKeyMigration(db.dialect),
      };
    },
  };
}

/** Brings the schema up to date; throws with the failing migration's name. */
export async function migrateToLatest(db: Db): Promise<void> {
  await migrate(db, (migrator) => migrator.migrateToLatest());
}

/** Brings the schema up to the named migration (inclusive): tests of a migration start just before it. */
export async function migrateTo(db: Db, name: string): Promise<void> {
  await migrate(db, (migrator) => migrator.migrateTo(name));
}

async function migrate(db: Db, run: (migrator: Migrator) => Promise<MigrationResultSet>): Promise<void> {
  // Pinned to a schema, keep the migration tables there too: Kysely otherwise looks for its lock
  // table in every schema and may find another test's.
  const migrator = new Migrator({
    db: migratorKysely(db),
    provider: provider(db),
    ...(db.schema ? { migrationTableSchema: db.schema } : {}),
  });
  const { error, results } = await run(migrator);
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`数据库迁移失败${failed ? `（${failed.migrationName}）` : ''}：${reason}`);
  }
}

/**
 * The Kysely the migrator works through. On PostgreSQL, its check for its own tables looks in the
 * connection's schema only: Kysely's introspector reads every table of every schema of the
 * database (column types, defaults, comments), which fails when another connection drops a schema
 * meanwhile ("schema … does not exist") — as test suites running side by side do with theirs.
 */
// biome-ignore lint/suspicious/noExplicitAny: the migrator works on any schema
function migratorKysely(db: Db): Kysely<any> {
  const kysely = db.kysely;
  if (db.dialect !== 'postgres') return kysely;
  const tables = async () => {
    const found = await sql<{ name: string; schema: string }>`
      select c.relname as name, n.nspname as schema
      from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
      where n.nspname = coalesce(${db.schema ?? null}::text, current_schema()) and c.relkind in ('r', 'p')`.execute(
      kysely,
    );
    return found.rows.map((row) => ({ ...row, isView: false, columns: [] }));
  };
  const introspection: DatabaseIntrospector = {
    getSchemas: () => kysely.introspection.getSchemas(),
    getTables: tables,
    getMetadata: async () => ({ tables: await tables() }),
  };
  return new Proxy(kysely, {
    get(target, key) {
      if (key === 'introspection') return introspection;
      const value = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** The names of the migrations this version knows, in order (a backup's level must be one of them). */
export async function migrationNames(db: Db): Promise<string[]> {
  return Object.keys(await provider(db).getMigrations()).sort();
}
