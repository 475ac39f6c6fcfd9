/**
 * Masking of ID numbers in staff views: a 居民身份证 keeps its first six (the region) and last four
 * characters — `371002********1234`; shorter numbers keep fewer. The full number is shown only on
 * request, to roles that need it, and each view is logged (docs/security.md).
 */

/** The number with its middle replaced by `*`; empty stays empty. */
export function maskIdNumber(idNumber: string): string {
  const n = idNumber.length;
  if (n === 0) return '';
  const [head, tail] = n >= 15 ? [6, 4] : n >= 8 ? [2, 2] : n >= 4 ? [0, 2] : [0, 0];
  return idNumber.slice(0, head) + '*'.repeat(n - head - tail) + idNumber.slice(n - tail);
}

/**
 * An applicant object (as stored) as staff views show it: `idNumber` masked — from the masked form
 * stored beside the sealed number (crypto/applicant-id.ts), or masked here for a plain one — and the
 * sealed value and its hash left out; other fields unchanged.
 */
export function maskApplicant<T>(applicant: T): T {
  if (!applicant || typeof applicant !== 'object') return applicant;
  const { idSealed, idHash: _hash, idMasked, ...rest } = applicant as Record<string, unknown>;
  if (typeof idSealed === 'string')
    return { ...rest, idNumber: typeof idMasked === 'string' ? idMasked : '', idNumberMasked: true } as T;
  const idNumber = rest.idNumber;
  if (typeof idNumber !== 'string') return rest as T;
  return { ...rest, idNumber: maskIdNumber(idNumber), idNumberMasked: true } as T;
}
