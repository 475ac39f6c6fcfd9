/** Zod schemas of the user administration routes. */
import { z } from 'zod';
import { SUPERVISOR_ROLE } from '../domain/accounts/actor.ts';
import { MAX_PASSWORD_LENGTH } from '../domain/accounts/password-policy.ts';
import { AGENCY_ROLES } from '../domain/accounts/roles.ts';
import { agencyCode } from './common.ts';

export const username = z
  .string({ error: '请填写用户名' })
  .min(2, { error: '用户名 2–64 个字符' })
  .max(64, { error: '用户名 2–64 个字符' })
  .describe('lower-case letters, digits, . _ -');

export const agencyRole = z.enum(AGENCY_ROLES, {
  error: `角色应为 ${AGENCY_ROLES.join('、')} 之一`,
});

const password = z
  .string({ error: '请填写密码' })
  .min(1, { error: '请填写密码' })
  .max(MAX_PASSWORD_LENGTH, { error: `密码最长 ${MAX_PASSWORD_LENGTH} 个字符` })
  .describe('at least 10 characters, two kinds of character, not containing the username');

export const newUserBody = z.object({
  username,
  displayName: z.string({ error: '请填写姓名' }).trim().min(1, { error: '请填写姓名' }).max(100),
  password,
  roles: z.array(agencyRole).max(4).default([]).describe('roles in this agency'),
});

export const newPlatformUserBody = newUserBody.omit({ roles: true }).extend({
  platformAdmin: z.boolean().default(false),
  agency: z
    .object({
      code: agencyCode,
      roles: z.array(agencyRole).min(1, { error: '请至少选择一个该机关的角色' }).max(4),
    })
    .optional()
    .describe('roles in one agency, granted with the new user'),
});

/** `unlock: true`: end the lock sign-in failures put on the user (docs/security.md) */
const unlock = z
  .literal(true, { error: '“解除锁定”只能填 true' })
  .describe('end the lock that failed sign-ins put on the user (an event)');

export const userChangeBody = z
  .object({
    disabled: z.boolean().optional(),
    password: password
      .optional()
      .describe('a new password set by the administrator (ends the user’s sessions)'),
    unlock: unlock.optional(),
  })
  .refine((b) => b.disabled !== undefined || b.password !== undefined || b.unlock !== undefined, {
    error: '请至少修改一项：disabled、password 或 unlock',
  });

export const platformUserChangeBody = z
  .object({
    disabled: z.boolean().optional(),
    platformAdmin: z.boolean().optional(),
    password: password.optional(),
    unlock: unlock.optional(),
  })
  .refine(
    (b) =>
      b.disabled !== undefined ||
      b.password !== undefined ||
      b.platformAdmin !== undefined ||
      b.unlock !== undefined,
    { error: '请至少修改一项：disabled、platformAdmin、password 或 unlock' },
  );

export const agencyUserParams = z.object({ code: agencyCode, username });
/** A role granted or revoked one at a time: an agency role, or supervisor over the agency's subtree (a platform administrator's grant). */
export const scopeRole = z.enum([...AGENCY_ROLES, SUPERVISOR_ROLE], {
  error: `角色应为 ${[...AGENCY_ROLES, SUPERVISOR_ROLE].join('、')} 之一`,
});

export const roleParams = agencyUserParams.extend({ role: scopeRole });

export const userSchema = z.object({
  username: z.string(),
  displayName: z.string(),
  disabled: z.boolean(),
  platformAdmin: z.boolean(),
  createdAt: z.string(),
  passwordChangedAt: z.string().nullable(),
  agencies: z.array(z.object({ code: z.string(), roles: z.array(z.string()) })),
});
export const userListSchema = z.object({ users: z.array(userSchema) });
