import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type CliRun, runGongkai } from '../../test/cli-run.ts';

const dir = mkdtempSync(join(tmpdir(), 'gongkai-clock-'));

/** Runs `gongkai …` (in-process) and returns its exit code and output. */
function gongkai(...args: string[]): Promise<CliRun> {
  return runGongkai(args);
}

function clockFile(name: string, content: unknown): string {
  const file = join(dir, `${name}.json`);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

const corrected = {
  received: '2026-09-28',
  events: [
    { type: 'correction_requested', on: '2026-09-30', until: '2026-10-20' },
    { type: 'correction_received', on: '2026-10-12' },
    { type: 'consultation_sent', on: '2026-10-20', deliveredOn: '2026-10-20' },
  ],
};

describe.concurrent('gongkai clock', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    [
      'a correction, then a consultation under way, around National Day 2026',
      corrected,
      '2026-11-02',
      {
        due: '2026-11-20',
        provisional: false,
        workingDaysUsed: 6,
        state: 'in_consultation',
        waitingUntil: '2026-11-10',
      },
    ],
    [
      '第三十二条: a consultation letter received three days after sending',
      {
        received: '2026-09-28',
        events: [{ type: 'consultation_sent', on: '2026-10-20', deliveredOn: '2026-10-23' }],
      },
      '2026-11-02',
      { state: 'in_consultation', waitingUntil: '2026-11-13', deliveryUnknown: false, provisional: false },
    ],
    [
      '109号: a fee notice whose receipt is not recorded',
      { received: '2026-09-28', events: [{ type: 'fee_notice', on: '2026-10-20' }] },
      '2026-11-30',
      { state: 'awaiting_fee', waitingUntil: null, deliveryUnknown: true, provisional: false },
    ],
    [
      'a count running into 2027',
      { received: '2026-12-10', events: [] },
      '2026-12-15',
      {
        due: '2027-01-08',
        provisional: true,
        provisionalYears: [2027],
        workingDaysUsed: 3,
        state: 'running',
      },
    ],
  ])('prints the reading of %s', async (situation, content, today, reading) => {
    const run = await gongkai('clock', clockFile(situation.slice(0, 8), content), '--today', today);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject(reading);
    expect(run.stderr).toEqual(reading.provisional ? expect.stringContaining('2027 年') : '');
  });

  it.each([
    ['a file that is not JSON', '{"received":', [], '无法读取'],
    [
      'an unknown event type',
      { received: '2026-09-28', events: [{ type: 'paused', on: '2026-09-29' }] },
      [],
      'events[0].type',
    ],
    ['a bad received date', { received: '2026-02-30', events: [] }, [], 'received'],
    ['a bad --today', corrected, ['--today', '2026/11/02'], '--today'],
    [
      'a correction asked on the 8th working day',
      { received: '2026-09-28', events: [{ type: 'correction_requested', on: '2026-10-14' }] },
      [],
      '第三十条',
    ],
    [
      'a fee notice received before it was sent',
      {
        received: '2026-09-28',
        events: [{ type: 'fee_notice', on: '2026-10-20', deliveredOn: '2026-10-19' }],
      },
      [],
      'events[0].deliveredOn',
    ],
    [
      'an extension of 21 working days',
      { received: '2026-09-28', events: [{ type: 'extended', on: '2026-10-14', days: 21 }] },
      [],
      '第三十三条',
    ],
  ])('exits with 2 on %s', async (situation, content, extra, message) => {
    const run = await gongkai(
      'clock',
      clockFile(`bad-${situation.length}`, content),
      '--today',
      '2026-11-02',
      ...extra,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });
});
