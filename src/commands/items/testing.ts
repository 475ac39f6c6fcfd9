/** Test helper of the item commands: an agency with the default channels and one user per role. */
import type { Db } from '../../db/connection.ts';
import { DEFAULT_PUBLICATION_CHANNELS } from '../../domain/report/vocabulary.ts';

/**
 * The staff of a test agency `code`: `${code}-operator`, `-reviewer`, `-approver` (审批负责人: 签发, i.e.
 * 发布), `-both` (operator and reviewer), `-admin`.
 */
export const TEST_ROLES: Record<string, string[]> = {
  operator: ['operator'],
  reviewer: ['reviewer'],
  approver: ['approver'],
  both: ['operator', 'reviewer'],
  admin: ['agency_admin', 'operator'],
};

/** Inserts an agency row only (no channels, no staff): `name` defaults to “CODE 测试局”, no parent; returns its id. */
export async function insertAgencyRow(
  db: Db,
  code: string,
  more: { name?: string; parentId?: number | null } = {},
): Promise<number> {
  const row = await db.kysely
    .insertInto('agencies')
    .values({
      code,
      name: more.name ?? `${code} 测试局`,
      short_name: code,
      parent_id: more.parentId ?? null,
      kind: 'department',
      address: '测试路1号',
      postcode: '264200',
      phone: '0631-0000000',
      website: 'https://example.gov.cn',
      website_name: '测试局网站',
      office: '测试局办公室',
      created_at: '2021-01-04T00:00:00.000Z',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** Adds an agency with the default publication channels (网站, 微信, 微博, …) and its staff; returns its id. */
export async function createTestAgency(db: Db, code: string): Promise<number> {
  const at = '2021-01-04T00:00:00.000Z';
  const agency = { id: await insertAgencyRow(db, code) };
  await db.kysely
    .insertInto('agency_channels')
    .values(DEFAULT_PUBLICATION_CHANNELS.map((c, sort) => ({ agency_id: agency.id, ...c, sort })))
    .execute();
  for (const [suffix, roles] of Object.entries(TEST_ROLES)) {
    const user = await db.kysely
      .insertInto('users')
      .values({ username: `${code}-${suffix}`, display_name: `${code} ${suffix}`, created_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.kysely
      .insertInto('user_roles')
      .values(roles.map((role) => ({ user_id: user.id, agency_id: agency.id, role })))
      .execute();
  }
  return agency.id;
}
