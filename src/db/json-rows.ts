import { sql } from 'kysely';
import type { Dialect } from './connection.ts';

/**
 * Rows given as one JSON parameter (an array of objects), opened by the database as a table `v`:
 * `json_to_recordset` on PostgreSQL, `json_each` on SQLite 3.38+. One parameter instead of
 * thousands, parsed in C.
 */
export function jsonRows(dialect: Dialect, json: string, columns: Record<string, 'integer' | 'text'>) {
  const names = Object.keys(columns);
  if (dialect === 'postgres') {
    const types = names.map((name) => `${name} ${columns[name]}`).join(', ');
    return sql`json_to_recordset(cast(${json} as json)) as v(${sql.raw(types)})`;
  }
  const fields = names.map((name) => `value ->> '${name}' as ${name}`).join(', ');
  return sql`(select ${sql.raw(fields)} from json_each(${json})) as v`;
}

/**
 * `insert into TABLE (columns) select columns from <the rows as one JSON parameter>`: a whole batch
 * in one statement (append `returning …` to it where needed). Each row an object with the columns'
 * keys; a missing key is null.
 */
export function insertJsonRows(
  dialect: Dialect,
  table: string,
  columns: Record<string, 'integer' | 'text'>,
  rows: readonly object[],
) {
  const names = sql.raw(Object.keys(columns).join(', '));
  return sql`insert into ${sql.table(table)} (${names})
    select ${names} from ${jsonRows(dialect, JSON.stringify(rows), columns)}`;
}
