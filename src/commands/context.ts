/**
 * What every command works with, in one place: the transaction it writes in (`Trx`), a reader that
 * works inside a transaction or outside one (`Reader`), and who acts (`Actor`: a user and the roles
 * they hold in the subject's agency — domain/accounts/actor.ts).
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { AgencyActor } from '../domain/accounts/actor.ts';

/** The transaction a command writes in. */
export type Trx = Transaction<Database>;

/** Reads work inside a transaction or outside one. */
export type Reader = Kysely<Database>;

/** Who acts: a user and the roles they hold in the subject's agency. */
export type Actor = AgencyActor;
