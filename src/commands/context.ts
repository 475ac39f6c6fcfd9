/**
 * What every command works with, in one place. A command is `command(ctx, input)`:
 *
 * - `ctx.db` — the database; the command opens its one transaction (`inTransaction(ctx.db, …)`);
 *   a step that runs inside a caller's transaction takes a `TrxContext` (`ctx.trx`) instead;
 * - `ctx.actor` — who acts, as seen in the subject's agency (domain/accounts/actor.ts);
 * - `ctx.clock` — the only wall clock a command may read (`now()`, and `today()` in China);
 * - `ctx.calendar` — the installation's working-day calendar, loaded when a command asks for it;
 * - `ctx.log` — where a command reports what it did beyond its events (pino's shape).
 *
 * The server builds one per request (server/command-context.ts), the CLI one per run
 * (cli/command-context.ts), tests with `testContext` (commands/testing-context.ts).
 */
import type { Kysely, Transaction } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { Database } from '../db/schema.ts';
import type { AgencyActor } from '../domain/accounts/actor.ts';
import type { WorkCalendar } from '../domain/calendar/types.ts';
import { todayInChina } from '../domain/dates.ts';

/** The transaction a command writes in. */
export type Trx = Transaction<Database>;

/** Reads work inside a transaction or outside one. */
export type Reader = Kysely<Database>;

/** Who acts: a user and the roles they hold in the subject's agency. */
export type Actor = AgencyActor;

/** Who acts where only the name is recorded (an import, the demo, the deadline recompute). */
export interface NamedActor {
  username: string;
}

/** The wall clock, as commands read it: the instant, and the day it is in China. */
export interface Clock {
  now(): Date;
  /** `YYYY-MM-DD` of `now()` in China (UTC+8) */
  today(): string;
}

/** The working-day calendar, loaded (and cached) on demand: calendar-service.ts, or a fixed one. */
export interface CalendarSource {
  get(): Promise<WorkCalendar>;
}

/** What a command may log (the subset of pino's logger every caller can give). */
export interface CommandLog {
  info(data: object, message?: string): void;
  warn(data: object, message?: string): void;
  error(data: object, message?: string): void;
}

/** What every command is given. */
export interface CommandContext<A = Actor> {
  db: Db;
  actor: A;
  clock: Clock;
  calendar: CalendarSource;
  log: CommandLog;
}

/** The context of a step that runs inside its caller's transaction. */
export type TrxContext<A = Actor> = Omit<CommandContext<A>, 'db'> & { trx: Trx };

/** A clock reading `now` (the server's, the CLI's, a test's fixed instant). */
export function clockOf(now: () => Date): Clock {
  return { now, today: () => todayInChina(now()) };
}

/** The real wall clock. */
export const systemClock: Clock = clockOf(() => new Date());

/** A calendar already loaded. */
export function fixedCalendar(calendar: WorkCalendar): CalendarSource {
  return { get: async () => calendar };
}

/** A log that drops everything (the CLI prints its own results; tests assert on results). */
export const silentLog: CommandLog = { info() {}, warn() {}, error() {} };

/** The same context with another actor (a command acting on behalf of the system, or in another agency). */
export function withActor<A, B>(ctx: CommandContext<A>, actor: B): CommandContext<B> {
  return { ...ctx, actor };
}

/** The step context inside a transaction. */
export function inTrx<A>(ctx: CommandContext<A>, trx: Trx): TrxContext<A> {
  const { db: _db, ...rest } = ctx;
  return { ...rest, trx };
}
