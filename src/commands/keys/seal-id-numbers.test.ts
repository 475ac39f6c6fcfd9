import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/databases.ts';
import { openApplicantId } from '../../crypto/applicant-id.ts';
import { idVaultFor } from '../../crypto/id-vault.ts';
import { createTestAgency } from '../items/testing.ts';
import { registerRequest } from '../requests/register-request.ts';
import { testContext } from '../testing-context.ts';
import { rotateIdKey, sealIdNumbers } from './seal-id-numbers.ts';

const NUMBER = '371002198001011232';

describeEachDatabase(
  'ID numbers at rest: sealed on registration, old ones sealed, the key rotated',
  (use) => {
    let agencyId = 0;
    const rows = async () =>
      (
        await use()
          .kysely.selectFrom('requests')
          .select(['id', 'applicant'])
          .where('agency_id', '=', agencyId)
          .execute()
      ).map((r) => ({
        id: r.id,
        raw: r.applicant ?? '',
        stored: JSON.parse(r.applicant ?? '{}') as Record<string, unknown>,
      }));

    beforeAll(async () => {
      agencyId = await createTestAgency(use(), 'keyzone');
    });

    it('registration stores the number sealed, hashed and masked, never in clear', async () => {
      const ctx = testContext(use(), { now: '2026-11-02' });
      await registerRequest(ctx, {
        agencyId,
        channel: 'letter',
        applicantType: 'natural_person',
        receivedOn: '2026-11-02',
        applicant: {
          name: '张三',
          idType: 'resident_id',
          idNumber: NUMBER,
          phone: '13800138000',
          address: '威海市临港区测试路1号',
          information: '2025年城乡低保资金发放明细',
          form: 'paper',
          delivery: 'post',
        },
      });
      const [row] = await rows();
      expect(row.raw).not.toContain(NUMBER);
      expect(row.raw).not.toContain('"idNumber"');
      expect(row.stored.idMasked).toBe('371002********1232');
      expect(openApplicantId(row.stored, idVaultFor(use()))).toBe(NUMBER);
    });

    it('seals a number an earlier version stored in clear, with one event; nothing to do the second time', async () => {
      const [row] = await rows();
      const legacy = { name: '张三', idType: 'resident_id', idNumber: NUMBER };
      await use()
        .kysely.updateTable('requests')
        .set({ applicant: JSON.stringify(legacy) })
        .where('id', '=', row.id)
        .execute();
      const ctx = testContext(use(), { actor: { username: 'server start' } });
      expect((await sealIdNumbers(ctx)).sealed).toBeGreaterThanOrEqual(1);
      const [after] = await rows();
      expect(after.raw).not.toContain(NUMBER);
      expect(openApplicantId(after.stored, idVaultFor(use()))).toBe(NUMBER);
      expect((await sealIdNumbers(ctx)).sealed).toBe(0);
      const events = await use()
        .kysely.selectFrom('events')
        .select(['name', 'data'])
        .where('name', '=', 'keys.id_numbers_sealed')
        .execute();
      expect(events.length).toBeGreaterThanOrEqual(1);
      expect(events.map((e) => e.data).join()).not.toContain(NUMBER);
    });

    it('rotates the key: every number sealed again under the new key, the hash recomputed, still opened', async () => {
      const [before] = await rows();
      const vault = idVaultFor(use());
      const oldKey = vault.keyIdOf(String(before.stored.idSealed));
      const ctx = testContext(use(), { actor: { username: 'platform-admin' } });
      const { from, to, resealed } = await rotateIdKey(ctx);
      expect(from).toBe(oldKey);
      expect(to).not.toBe(from);
      expect(resealed).toBeGreaterThanOrEqual(1);
      const [after] = await rows();
      const next = idVaultFor(use());
      expect(next.keyring.current).toBe(to);
      expect(next.keyIdOf(String(after.stored.idSealed))).toBe(to);
      expect(after.stored.idHash).not.toBe(before.stored.idHash);
      expect(after.stored.idHash).toBe(next.hash('resident_id', NUMBER));
      expect(openApplicantId(after.stored, next)).toBe(NUMBER);
      // the old key stays: a value sealed before (an older backup) still opens
      expect(next.open(String(before.stored.idSealed))).toBe(NUMBER);
    });
  },
);
