/** The users and roles endpoints (`/api/v1/agencies/:code/users…`, `/api/v1/users…`). */
import { api } from './client.ts';

export interface User {
  username: string;
  displayName: string;
  disabled: boolean;
  platformAdmin: boolean;
  createdAt: string;
  passwordChangedAt: string | null;
  agencies: Array<{ code: string; roles: string[] }>;
}

const base = (agency: string) => `/api/v1/agencies/${encodeURIComponent(agency)}/users`;

export const usersApi = {
  list: (agency: string) => api.call<{ users: User[] }>(base(agency)),
  create: (
    agency: string,
    body: { username: string; displayName: string; password: string; roles: string[] },
  ) => api.call<User>(base(agency), { method: 'POST', body }),
  setRole: (agency: string, username: string, role: string, granted: boolean) =>
    api.call<User>(`${base(agency)}/${encodeURIComponent(username)}/roles/${role}`, {
      method: granted ? 'PUT' : 'DELETE',
    }),
  update: (agency: string, username: string, body: { disabled?: boolean; password?: string }) =>
    api.call<User>(`${base(agency)}/${encodeURIComponent(username)}`, { method: 'PATCH', body }),
};
