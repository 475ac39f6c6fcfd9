/**
 * The applicant JSON of a request (`requests.applicant`) as stored: the ID number never in clear —
 * `idSealed` (AES-256-GCM, id-vault.ts), `idHash` (keyed hash for exact matches) and `idMasked`
 * (what staff views show, `371002********1234`). Records written before sealing (a plain
 * `idNumber`) are read too, and sealed by `sealStoredIdNumbers`.
 */
import { maskIdNumber } from '../domain/identity/mask.ts';
import type { IdVault } from './id-vault.ts';

export interface SealedIdFields {
  idSealed?: string;
  idHash?: string;
  idMasked?: string;
}

/** The applicant to store: `idNumber` replaced by its sealed, hashed and masked forms. */
export function sealApplicant<T extends { idType?: string; idNumber?: string }>(
  applicant: T,
  vault: Pick<IdVault, 'seal' | 'hash'>,
): Omit<T, 'idNumber'> & SealedIdFields {
  const { idNumber, ...rest } = applicant;
  if (!idNumber) return rest;
  return {
    ...rest,
    idSealed: vault.seal(idNumber),
    idHash: vault.hash(applicant.idType ?? '', idNumber),
    idMasked: maskIdNumber(idNumber),
  };
}

/** The full ID number of a stored applicant (opened, or a legacy plain one), or null. */
export function openApplicantId(
  stored: Record<string, unknown>,
  vault: Pick<IdVault, 'open'>,
): string | null {
  if (typeof stored.idSealed === 'string' && stored.idSealed) return vault.open(stored.idSealed);
  return typeof stored.idNumber === 'string' && stored.idNumber ? stored.idNumber : null;
}

/** A stored applicant sealed again under the vault's current key (rotation), or sealed for the first time. */
export function resealApplicant(stored: Record<string, unknown>, vault: IdVault): Record<string, unknown> {
  const number = openApplicantId(stored, vault);
  const { idNumber: _plain, idSealed: _s, idHash: _h, idMasked: _m, ...rest } = stored;
  if (!number) return rest;
  const sealed = sealApplicant(
    { ...rest, idNumber: number } as { idType?: string; idNumber?: string },
    vault,
  );
  return sealed as Record<string, unknown>;
}
