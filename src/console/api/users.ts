/** The users and roles endpoints (`/api/v1/agencies/:code/users…`, `/api/v1/users…`). */
import type { z } from 'zod';
import type { agencyListSchema } from '../../contract/agencies.ts';
import type {
  newPlatformUserBody,
  newUserBody,
  platformUserChangeBody,
  userChangeBody,
  userListSchema,
  userSchema,
} from '../../contract/users.ts';
import { api } from './client.ts';

export type User = z.infer<typeof userSchema>;

const base = (agency: string) => `/api/v1/agencies/${encodeURIComponent(agency)}/users`;

export const usersApi = {
  list: (agency: string) => api.call<z.infer<typeof userListSchema>>(base(agency)),
  create: (agency: string, body: z.input<typeof newUserBody>) =>
    api.call<User>(base(agency), { method: 'POST', body }),
  setRole: (agency: string, username: string, role: string, granted: boolean) =>
    api.call<User>(`${base(agency)}/${encodeURIComponent(username)}/roles/${role}`, {
      method: granted ? 'PUT' : 'DELETE',
    }),
  update: (agency: string, username: string, body: z.input<typeof userChangeBody>) =>
    api.call<User>(`${base(agency)}/${encodeURIComponent(username)}`, { method: 'PATCH', body }),
};

/** An agency as `GET /api/v1/agencies` lists it. */
export type AgencySummary = z.infer<typeof agencyListSchema>['agencies'][number];

/** The platform administrator's endpoints (`/api/v1/users…`): every user of the installation. */
export const platformUsersApi = {
  list: () => api.call<z.infer<typeof userListSchema>>('/api/v1/users'),
  agencies: () => api.call<z.infer<typeof agencyListSchema>>('/api/v1/agencies'),
  create: (body: z.input<typeof newPlatformUserBody>) =>
    api.call<User>('/api/v1/users', { method: 'POST', body }),
  update: (username: string, body: z.input<typeof platformUserChangeBody>) =>
    api.call<User>(`/api/v1/users/${encodeURIComponent(username)}`, { method: 'PATCH', body }),
};
