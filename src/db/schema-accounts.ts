import type { Generated } from 'kysely';

/** The tables of accounts (0006): users, their roles per agency, sessions, views of sensitive values (their events: `events`, 0012). */
export interface UserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  created_at: string;
  /** `scrypt$N$r$p$salt$hash` (0006); null: the user cannot sign in until a password is set */
  password_hash: string | null;
  /** 1: cannot sign in, sessions refused (0006) */
  disabled: Generated<number>;
  /** 1: installation-level platform administrator (0006) */
  platform_admin: Generated<number>;
  password_changed_at: string | null;
}

/** A sign-in session (0006): only the SHA-256 of the cookie's token is stored. */
export interface SessionTable {
  id: Generated<number>;
  token_hash: string;
  user_id: number;
  /** sent back in X-CSRF-Token on every state-changing request */
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  /** the absolute end (created + 7 days); the idle end is last_seen_at + 8 hours */
  expires_at: string;
  ip: string;
}

/** One view of a full sensitive value (an applicant's ID number): who, where, what, when (0006). */
export interface SensitiveViewTable {
  id: Generated<number>;
  agency_id: number;
  actor: string;
  /** `request` */
  subject_type: string;
  subject_id: number;
  /** e.g. `applicant.idNumber` */
  field: string;
  ip: string;
  at: string;
}

export interface UserRoleTable {
  user_id: number;
  agency_id: number;
  role: string;
}
