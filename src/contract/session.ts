/** The session routes' contract: sign-in, password change, and the session body. */
import { z } from 'zod';
import { MAX_PASSWORD_LENGTH } from '../domain/accounts/password-policy.ts';

export const signInBody = z.object({
  username: z.string({ error: '请填写用户名' }).trim().min(1, { error: '请填写用户名' }).max(64),
  password: z
    .string({ error: '请填写密码' })
    .min(1, { error: '请填写密码' })
    .max(MAX_PASSWORD_LENGTH, { error: `密码最长 ${MAX_PASSWORD_LENGTH} 个字符` }),
});

export const passwordBody = z.object({
  currentPassword: z.string({ error: '请填写当前密码' }).min(1, { error: '请填写当前密码' }).max(200),
  newPassword: z.string({ error: '请填写新密码' }).min(1, { error: '请填写新密码' }).max(MAX_PASSWORD_LENGTH),
});

export const sessionSchema = z.object({
  user: z.object({
    username: z.string(),
    displayName: z.string(),
    platformAdmin: z.boolean().describe('installation-level administrator (users, calendar)'),
  }),
  agencies: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      roles: z.array(z.string()).describe('operator | approver | reviewer | agency_admin'),
    }),
  ),
  csrfToken: z.string().describe('send it back in X-CSRF-Token on every POST, PUT, PATCH and DELETE'),
});
