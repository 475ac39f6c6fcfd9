/**
 * The demo template of the browser journeys, made beside the first test files (global-setup.ts
 * starts prepare-template.ts): ready when its file is there, failed when its failed mark is.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

/** The file whose presence says the template at `template` could not be made (its reason inside). */
export function templateFailedMark(template: string): string {
  return `${template}.failed`;
}

/**
 * Waits until the template is there (prepare-template.ts renames it into place once the console
 * is built too); throws the reason when it could not be made.
 */
export async function templateReady(template: string): Promise<void> {
  const failed = templateFailedMark(template);
  while (!existsSync(template)) {
    if (existsSync(failed))
      throw new Error(`浏览器测试的演示数据库未能生成：\n${await readFile(failed, 'utf8')}`);
    await sleep(100);
  }
}
