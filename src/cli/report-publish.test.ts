import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { runCaptured } from '../../test/cli-run.ts';
import { describeEachWithDraftDemo } from '../../test/databases.ts';
import { demoApp, OPERATOR, REPORTS, send } from '../../test/report-app.ts';
import { UsageError } from './io.ts';
import { reportPublishCommand } from './report-publish.ts';

const saved = process.env.CHROMIUM_PATH;
const restoreChromium = () => {
  if (saved === undefined) delete process.env.CHROMIUM_PATH;
  else process.env.CHROMIUM_PATH = saved;
};
afterEach(restoreChromium);
const claim = (n: number) => ({
  problems: [
    {
      topic: 'p1',
      title: '存在问题',
      segments: [{ kind: 'staff', text: `本年新收政府信息公开申请${n}件。` }],
    },
  ],
});
const base = ['--agency', 'lingang', '--year', '2021'];

describeEachWithDraftDemo('gongkai report publish|correct (条例 第五十条)', (use) => {
  let app: FastifyInstance;
  /** `gongkai report publish|correct` on the suite's database: its exit code and what it printed. */
  const command = (sub: 'publish' | 'correct', args: string[]) =>
    runCaptured((io) => reportPublishCommand(io, use(), sub, args));
  beforeAll(async () => {
    app = await demoApp(use());
    await send(app, 'PUT', `${REPORTS}/2021/draft`, OPERATOR, { expectedVersion: 0, sections: claim(7) });
  });
  afterAll(() => app.close());

  it('refuses an operator, then refuses an approver without a 说明 with the API’s message', async () => {
    await expect(
      command('publish', [...base, '--user', 'lingang-operator', '--note', '说明']),
    ).rejects.toThrow('发布或更正年度报告需要');
    const refused = command('publish', [...base, '--user', 'lingang-approver']);
    await expect(refused).rejects.toBeInstanceOf(UsageError);
    await expect(command('publish', [...base, '--user', 'lingang-approver'])).rejects.toThrow(
      /不能发布：违反R9（正文数字与表格一致）[\s\S]*R9：正文称/,
    );
  });

  // publishing prints and stores the PDF: once without Chromium (published all the same, and
  // says so), once with it (one print of the demo's report)
  it('publishes with the approver’s 说明, then corrects under the same rule', async () => {
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    const note = '正文数字待核，先行公布。';
    const published = await command('publish', [
      ...[...base, '--user', 'lingang-approver', '--on', '2022-01-19', '--note', note],
    ]);
    expect(published.code).toBe(0);
    expect(JSON.parse(published.stdout)).toMatchObject({
      version: 1,
      publishedOn: '2022-01-19',
      note,
      pdf: null,
    });
    expect(published.stderr).toMatch(
      /^报告已发布，但 PDF 暂未生成（未找到 Chromium.*）；首次下载 PDF 时将自动生成并保存。\n$/,
    );
    restoreChromium();
    await expect(
      command('correct', [...base, '--user', 'lingang-admin', '--reason', '补充']),
    ).rejects.toThrow('R9（正文数字与表格一致）');
    const args = [...base, '--user', 'lingang-admin', '--reason', '补充', '--note', note];
    const corrected = await command('correct', args);
    expect(corrected.code).toBe(0);
    expect(JSON.parse(corrected.stdout)).toMatchObject({
      version: 2,
      reason: '补充',
      note,
      pdf: { sha256: expect.stringMatching(/^[0-9a-f]{64}$/), size: expect.any(Number) },
      pdfNotice: null,
    });
    expect(corrected.stderr).toBe('');
  }, 240_000);
});
