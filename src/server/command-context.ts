/**
 * The command context of an API request (commands/context.ts): the gate's actor as seen in the
 * route's agency, the server's clock and calendar, and the request's logger.
 */
import type { FastifyRequest } from 'fastify';
import type { CalendarSource, Clock, CommandContext } from '../commands/context.ts';
import type { Db } from '../db/connection.ts';
import { type Actor, type AgencyActor, installationActor } from '../domain/accounts/actor.ts';
import { actorOf, agencyActorOf } from './actor.ts';

/** What the server gives every route module that builds command contexts. */
export interface ServerContextOptions {
  db: Db;
  calendars: CalendarSource;
  clock: Clock;
}

function contextWith<A>(request: FastifyRequest, options: ServerContextOptions, actor: A): CommandContext<A> {
  return {
    db: options.db,
    actor,
    clock: options.clock,
    calendar: options.calendars,
    log: request.log,
  };
}

/** The context of a command on the route's agency, by the signed-in actor (401 when nobody is). */
export function commandContext(
  request: FastifyRequest,
  options: ServerContextOptions,
): CommandContext<AgencyActor> {
  return contextWith(request, options, agencyActorOf(request));
}

/** The context of a command on the installation (the calendar, users): the actor in no agency. */
export function installationContext(
  request: FastifyRequest,
  options: ServerContextOptions,
): CommandContext<AgencyActor> {
  return contextWith(request, options, installationActor(actorOf(request)));
}

/** The context of a command that reads every scope of the actor (user administration). */
export function platformContext(
  request: FastifyRequest,
  options: ServerContextOptions,
): CommandContext<Actor> {
  return contextWith(request, options, actorOf(request));
}

/** The context of a citizen's command (an online request, tracking one): nobody signed in. */
export function publicContext(request: FastifyRequest, options: ServerContextOptions): CommandContext<null> {
  return contextWith(request, options, null);
}
