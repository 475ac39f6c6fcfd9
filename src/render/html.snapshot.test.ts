import { describe, expect, it } from 'vitest';
import { seedReport } from '../../test/fixtures/seed-report.ts';
import { renderReportHtml } from './html.ts';

describe('renderReportHtml of the seed report', () => {
  it('matches the reviewed rendering', async () => {
    await expect(renderReportHtml(seedReport())).toMatchFileSnapshot('__snapshots__/seed-report.html');
  });
});
