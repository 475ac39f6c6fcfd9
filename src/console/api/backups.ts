/** The backups endpoints (`/api/v1/backups`, platform administrators; docs/operations.md). */
import type { BackupJson, BackupListJson } from '../../contract/backups.ts';
import { api } from './client.ts';

export type Backup = BackupJson;

export const backupsApi = {
  list: () => api.call<BackupListJson>('/api/v1/backups'),
  create: () => api.call<Backup>('/api/v1/backups', { method: 'POST' }),
};
