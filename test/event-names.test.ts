/**
 * Every event name a command writes has a Chinese label in src/domain/events/names.ts (the one
 * source of the console, the API and the CLI). The names are read from the source: full names
 * (`'requests.extended'`) anywhere outside tests, and the short types the area stores prefix
 * (`eventType: 'extended'` under commands/requests → `requests.extended`).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EVENT_AREA_LABELS, EVENT_NAME_LABELS } from '../src/domain/events/names.ts';

const SRC = join(import.meta.dirname, '../src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'console' ? [] : sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.testing.ts') ? [path] : [];
  });
}

const AREAS = Object.keys(EVENT_AREA_LABELS).join('|');
const FULL_NAME = new RegExp(`^(?:${AREAS})\\.[a-z_]+$`);

/** The area whose prefix a file's short event types get (by its folder; catalogue settings are `settings.`). */
function shortArea(file: string): string | null {
  const path = relative(SRC, file);
  if (/items\/(agency-columns|set-index-prefix)\.ts$/.test(path)) return 'settings';
  if (path.startsWith('commands/requests/')) return 'requests';
  if (path.startsWith('commands/items/') || path.startsWith('commands/import-items/')) return 'items';
  if (path.startsWith('commands/accounts/')) return 'users';
  return null;
}

/** The value expression of each `type:` / `eventType:` / `name:` (or `type =`, `record(…)`) on a line. */
const WRITE = /\b(?:eventType|type|name)\s*(?::|=|\?\?)\s*([^,;}\n]+)|\brecord\(([^)\n]+)/g;

/** The string literals written as an event's type or name in a source file (subjects left out). */
function writtenLiterals(source: string): string[] {
  return source
    .split('\n')
    .filter((line) => !/subject|owner/.test(line))
    .flatMap((line) => [...line.matchAll(WRITE)])
    .flatMap((m) => [...(m[1] ?? m[2]).matchAll(/(?<!\[)'([a-z_.]+)'/g)].map((l) => l[1]));
}

/** Where the event writers are: the commands, and the routes that name an event for one. */
const WRITERS = ['commands', 'server'];

function writtenNames(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of WRITERS.flatMap((dir) => sources(join(SRC, dir)))) {
    const where = relative(SRC, file);
    const area = shortArea(file);
    for (const literal of writtenLiterals(readFileSync(file, 'utf8'))) {
      if (FULL_NAME.test(literal)) found.set(literal, where);
      else if (area && /^[a-z]+(_[a-z]+)*$/.test(literal)) found.set(`${area}.${literal}`, where);
    }
  }
  return found;
}

describe('event names and their labels', () => {
  const names = writtenNames();

  it('finds the names the commands write (a sample of each area)', () => {
    for (const name of [
      'requests.extended',
      'requests.received',
      'items.published',
      'items.created',
      'registry.issued',
      'report.published',
      'users.role_granted',
      'settings.column_removed',
      'calendar.override_set',
      'records.imported',
    ])
      expect([...names.keys()]).toContain(name);
  });

  it('every event name written has a Chinese label', () => {
    const missing = [...names]
      .filter(([name]) => !(name in EVENT_NAME_LABELS))
      .map(([n, f]) => `${n} (${f})`);
    expect(missing).toEqual([]);
  });
});
