/**
 * Users and roles (docs/security.md): an agency administrator manages the users of their agency
 * under `/api/v1/agencies/:code/users…`; a platform administrator may do that for any agency and
 * manages every user under `/api/v1/users…`. Every change is a user event.
 */
import { z } from 'zod';
import { agencyIdByCode } from '../../../accounts/load-actor.ts';
import { assertAdministers } from '../../../commands/accounts/admin-scope.ts';
import { changeRole } from '../../../commands/accounts/change-role.ts';
import { createUser } from '../../../commands/accounts/create-user.ts';
import { updateUser } from '../../../commands/accounts/update-user.ts';
import { listUsers } from '../../../db/queries/users.ts';
import { actorOf, agencyOf } from '../../actor.ts';
import { platformContext } from '../../command-context.ts';
import { AppError } from '../../errors.ts';
import { agencyCode, writeErrors } from '../schemas.ts';
import type { RouteModule } from '../types.ts';
import {
  agencyUserParams,
  newPlatformUserBody,
  newUserBody,
  platformUserChangeBody,
  roleParams,
  userChangeBody,
  userListSchema,
  username,
  userSchema,
} from './users-schemas.ts';

const changed = z.object({ changed: z.boolean() });
const updated = z.object({ events: z.array(z.string()).describe('the user events written') });

export const userRoutes: RouteModule = async (app, options) => {
  const { db } = options;
  const one = async (name: string, agencyId: number | null) => {
    const found = (await listUsers(db, agencyId)).find((u) => u.username === name);
    if (!found) throw new AppError('not_found', `未找到用户 ${name}。`);
    return found;
  };

  app.get(
    '/api/v1/agencies/:code/users',
    {
      config: { policy: 'users/manage' },
      schema: {
        tags: ['users'],
        summary: 'The users of an agency with their roles there (agency or platform administrator)',
        params: z.object({ code: agencyCode }),
        response: { 200: userListSchema, ...writeErrors },
      },
    },
    async (request) => {
      const agencyId = agencyOf(request).id;
      assertAdministers(actorOf(request), agencyId);
      return { users: await listUsers(db, agencyId) };
    },
  );

  app.post(
    '/api/v1/agencies/:code/users',
    {
      config: { policy: 'users/manage' },
      schema: {
        tags: ['users'],
        summary: 'Create a user with an initial password and roles in this agency',
        params: z.object({ code: agencyCode }),
        body: newUserBody,
        response: { 201: userSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const agencyId = agencyOf(request).id;
      const ctx = platformContext(request, options);
      assertAdministers(ctx.actor, agencyId);
      const { roles, ...user } = request.body;
      await createUser(ctx, { ...user, agency: { id: agencyId, roles } });
      return reply.code(201).send(await one(user.username, agencyId));
    },
  );

  for (const [method, grant] of [
    ['PUT', true],
    ['DELETE', false],
  ] as const)
    app.route({
      method,
      url: '/api/v1/agencies/:code/users/:username/roles/:role',
      config: { policy: 'users/manage' },
      schema: {
        tags: ['users'],
        summary: grant ? 'Grant a role in this agency' : 'Revoke a role in this agency',
        params: roleParams,
        response: { 200: changed, ...writeErrors },
      },
      handler: async (request) => {
        const { role } = request.params;
        const agencyId = agencyOf(request).id;
        const ctx = platformContext(request, options);
        assertAdministers(ctx.actor, agencyId);
        return changeRole(ctx, { username: request.params.username, agencyId, role, grant });
      },
    });

  app.patch(
    '/api/v1/agencies/:code/users/:username',
    {
      config: { policy: 'users/manage' },
      schema: {
        tags: ['users'],
        summary: 'Disable or enable a user of this agency, or reset their password',
        params: agencyUserParams,
        body: userChangeBody,
        response: { 200: updated, ...writeErrors },
      },
    },
    async (request) => {
      const ctx = platformContext(request, options);
      assertAdministers(ctx.actor, agencyOf(request).id);
      const done = await updateUser(ctx, { username: request.params.username, change: request.body });
      if (request.body.unlock) await options.signInThrottle.unlock(request.params.username);
      return done;
    },
  );

  app.get(
    '/api/v1/users',
    {
      config: { policy: 'platform' },
      schema: {
        tags: ['users'],
        summary: 'Every user with their roles in every agency (platform administrator)',
        response: { 200: userListSchema, ...writeErrors },
      },
    },
    async () => {
      return { users: await listUsers(db, null) };
    },
  );

  app.post(
    '/api/v1/users',
    {
      config: { policy: 'platform' },
      schema: {
        tags: ['users'],
        summary:
          'Create a user, possibly a platform administrator, optionally with roles in one agency (platform administrator)',
        body: newPlatformUserBody,
        response: { 201: userSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const { agency, ...user } = request.body;
      const roles = agency && { id: await agencyIdByCode(db, agency.code), roles: agency.roles };
      await createUser(platformContext(request, options), { ...user, agency: roles });
      return reply.code(201).send(await one(user.username, null));
    },
  );

  app.patch(
    '/api/v1/users/:username',
    {
      config: { policy: 'platform' },
      schema: {
        tags: ['users'],
        summary: 'Disable or enable any user, reset their password, grant or revoke platform administrator',
        params: z.object({ username }),
        body: platformUserChangeBody,
        response: { 200: updated, ...writeErrors },
      },
    },
    async (request) => {
      const done = await updateUser(platformContext(request, options), {
        username: request.params.username,
        change: request.body,
      });
      if (request.body.unlock) await options.signInThrottle.unlock(request.params.username);
      return done;
    },
  );
};
