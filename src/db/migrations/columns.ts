import type { CreateTableBuilder } from 'kysely';
import type { Dialect } from '../connection.ts';

/** Column helpers shared by the migrations. */
export type Table = CreateTableBuilder<string, string>;

/** An auto-numbered primary key: INTEGER PRIMARY KEY AUTOINCREMENT on SQLite, serial on PostgreSQL. */
export function withId(table: Table, dialect: Dialect): Table {
  return dialect === 'postgres'
    ? table.addColumn('id', 'serial', (c) => c.primaryKey())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

export function withAgency(table: Table): Table {
  return table.addColumn('agency_id', 'integer', (c) =>
    c.notNull().references('agencies.id').onDelete('cascade'),
  );
}
