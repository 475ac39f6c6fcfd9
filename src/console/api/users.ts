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

/** An agency as `GET /api/v1/agencies` lists it. */
export interface AgencySummary {
  code: string;
  name: string;
}

/** The platform administrator's endpoints (`/api/v1/users…`): every user of the installation. */
export const platformUsersApi = {
  list: () => api.call<{ users: User[] }>('/api/v1/users'),
  agencies: () => api.call<{ agencies: AgencySummary[] }>('/api/v1/agencies'),
  create: (body: {
    username: string;
    displayName: string;
    password: string;
    platformAdmin: boolean;
    agency?: { code: string; roles: string[] };
  }) => api.call<User>('/api/v1/users', { method: 'POST', body }),
  update: (username: string, body: { disabled?: boolean; password?: string; platformAdmin?: boolean }) =>
    api.call<User>(`/api/v1/users/${encodeURIComponent(username)}`, { method: 'PATCH', body }),
};
