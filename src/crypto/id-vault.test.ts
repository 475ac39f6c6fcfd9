import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApplicantId, resealApplicant, sealApplicant } from './applicant-id.ts';
import { createIdVault, KeyringError, keyringPath, loadKeyring, newKeyId } from './id-vault.ts';

const dir = () => mkdtempSync(join(tmpdir(), 'gk-keys-'));
const RESIDENT = '371002198001011234';

describe('the ID-number vault (AES-256-GCM, keyed hash)', () => {
  const vault = createIdVault(loadKeyring(join(dir(), 'keys.json')));

  it('seals and opens; the same number seals differently each time; the sealed text holds no digit run of it', () => {
    const a = vault.seal(RESIDENT);
    const b = vault.seal(RESIDENT);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^v1\.k[0-9a-f]{8}\./);
    expect(a).not.toContain('19800101');
    expect(vault.open(a)).toBe(RESIDENT);
    expect(vault.keyIdOf(a)).toBe(vault.keyring.current);
  });

  it('refuses an altered value, and one sealed under a key the ring does not hold', () => {
    const sealed = vault.seal(RESIDENT);
    const parts = sealed.split('.');
    parts[3] = `${parts[3].slice(0, -2)}${parts[3].endsWith('A') ? 'B' : 'A'}${parts[3].slice(-1)}`;
    expect(() => vault.open(parts.join('.'))).toThrow(KeyringError);
    const other = createIdVault({ current: 'kdeadbeef', keys: { kdeadbeef: randomBytes(32) } });
    expect(() => vault.open(other.seal(RESIDENT))).toThrow('密钥文件中没有该密钥');
    expect(() => vault.open('371002198001011234')).toThrow('格式不正确');
  });

  it('hashes a document the same whatever the spacing and case, and apart by type', () => {
    expect(vault.hash('passport', 'e1234 5678')).toBe(vault.hash('passport', 'E12345678'));
    expect(vault.hash('passport', 'E12345678')).not.toBe(vault.hash('other', 'E12345678'));
    expect(vault.hash('passport', 'E12345678')).not.toContain('12345678');
  });
});

describe('the keyring file', () => {
  it('is created with one key, readable by its owner only, and read back the same', () => {
    const path = join(dir(), 'sub', 'keys.json');
    const made = loadKeyring(path);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const again = loadKeyring(path);
    expect(again.current).toBe(made.current);
    expect(again.keys[made.current].equals(made.keys[made.current])).toBe(true);
    expect(readFileSync(path, 'utf8')).toContain('不要与数据库备份放在一起');
  });

  it('is made once when several processes start on a new installation at the same moment', async () => {
    const path = join(dir(), 'keys.json');
    // each process loads, then waits for the same instant to look for the file
    const script = `import { loadKeyring } from ${JSON.stringify(new URL('./id-vault.ts', import.meta.url).pathname)};
      while (Date.now() < Number(process.argv[2]));
      process.stdout.write(loadKeyring(process.argv[1]).current);`;
    const at = String(Date.now() + 5000);
    const run = () =>
      new Promise<string>((resolve, reject) => {
        execFile(
          process.execPath,
          ['--import', 'tsx', '--input-type=module', '-e', script, path, at],
          (error, out) => (error ? reject(error) : resolve(out)),
        );
      });
    const ids = await Promise.all([run(), run(), run(), run()]);
    expect(new Set(ids).size).toBe(1);
    expect(loadKeyring(path).current).toBe(ids[0]);
    expect(readdirSync(dirname(path))).toEqual(['keys.json']);
  }, 30_000);

  it('refuses a damaged file with a Chinese sentence', () => {
    const path = join(dir(), 'keys.json');
    writeFileSync(path, '{"current":"k1","keys":{"k1":"c2hvcnQ="}}');
    expect(() => loadKeyring(path)).toThrow('不是 32 字节');
    writeFileSync(path, 'not json');
    expect(() => loadKeyring(path)).toThrow('不是有效的 JSON');
  });

  it('lives where the setting says, beside a SQLite file, and must be set for PostgreSQL', () => {
    expect(keyringPath({ GONGKAI_ID_KEY_FILE: '/etc/gk/keys.json' }, { dialect: 'postgres' })).toBe(
      '/etc/gk/keys.json',
    );
    expect(keyringPath({}, { dialect: 'sqlite', file: '/var/lib/gk/gongkai.db' })).toBe(
      '/var/lib/gk/gongkai-keys.json',
    );
    expect(() => keyringPath({ GONGKAI_ID_KEY_FILE: 'keys.json' }, { dialect: 'sqlite' })).toThrow(
      '绝对路径',
    );
    expect(() => keyringPath({}, { dialect: 'postgres' })).toThrow('须设置 GONGKAI_ID_KEY_FILE');
    expect(newKeyId()).toMatch(/^k[0-9a-f]{8}$/);
  });
});

describe('an applicant as stored', () => {
  const vault = createIdVault(loadKeyring(join(dir(), 'keys.json')));

  it('keeps the number sealed, hashed and masked — never in clear — and opens it', () => {
    const stored = sealApplicant({ name: '张三', idType: 'resident_id', idNumber: RESIDENT }, vault);
    expect(JSON.stringify(stored)).not.toContain(RESIDENT);
    expect(stored).toMatchObject({ name: '张三', idType: 'resident_id', idMasked: '371002********1234' });
    expect(openApplicantId(stored as unknown as Record<string, unknown>, vault)).toBe(RESIDENT);
    const company: { name: string; idType?: string; idNumber?: string } = { name: '某公司' };
    expect(sealApplicant(company, vault)).toEqual({ name: '某公司' });
  });

  it('reads a legacy plain number, and reseals it', () => {
    const legacy = { name: '李四', idType: 'passport', idNumber: 'E12345678' };
    expect(openApplicantId(legacy, vault)).toBe('E12345678');
    const resealed = resealApplicant(legacy, vault);
    expect(resealed.idNumber).toBeUndefined();
    expect(openApplicantId(resealed, vault)).toBe('E12345678');
  });
});
