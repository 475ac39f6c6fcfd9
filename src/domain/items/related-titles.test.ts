import { describe, expect, it } from 'vitest';
import { distinctRelated, NEAR_IDENTICAL, titleLikeness, titleShape } from './related-titles.ts';

describe('titleShape', () => {
  it.each([
    ['临港区2021年3月行政处罚决定公示', '临港区#年#月行政处罚决定公示'],
    ['临港区安全生产工作简报（2021年第12期）', '临港区安全生产工作简报（#年第#期）'],
    ['临港区管委会二〇二一年第三次主任办公会议', '临港区管委会#年第#次主任办公会议'],
    ['关于 2021 年 预算 的说明', '关于#年预算的说明'],
    ['威海恒达精密机械有限公司排污许可证核发情况公示', '威海恒达精密机械有限公司排污许可证核发情况公示'],
  ])('%s → %s', (title, shape) => {
    expect(titleShape(title)).toBe(shape);
  });
});

describe('titleLikeness', () => {
  it.each([
    ['临港区2021年3月行政处罚决定公示', '临港区2021年4月行政处罚决定公示', true],
    [
      '威海天成海洋生物科技有限公司海藻提取物项目签约落户临港区',
      '威海安泰海洋生物科技有限公司海藻提取物项目签约落户临港区',
      true,
    ],
    ['草庙子镇于家疃村人居环境整治情况', '汪疃镇丛家庄村人居环境整治情况', true],
    [
      '威海天成海洋生物科技有限公司排污许可证核发情况公示',
      '威海天成海洋生物科技有限公司海藻提取物项目签约落户临港区',
      false,
    ],
    ['临港区2021年3月行政处罚决定公示', '关于公布行政执法事项清单的公告', false],
    [
      '关于进一步加强城乡低保对象动态管理的实施意见',
      '《关于进一步加强城乡低保对象动态管理的实施意见》政策解读',
      true,
    ],
  ])('%s ~ %s: %s', (a, b, near) => {
    expect(titleLikeness(a, b) >= NEAR_IDENTICAL).toBe(near);
    expect(titleLikeness(b, a)).toBe(titleLikeness(a, b));
  });

  it('is 1 for the same shape and 0 for nothing in common', () => {
    expect(titleLikeness('第1期简报', '第22期简报')).toBe(1);
    expect(titleLikeness('甲乙', '丙丁')).toBe(0);
  });
});

describe('distinctRelated', () => {
  const hit = (title: string) => ({ title });
  it.each([
    {
      name: 'drops the same notice of other months, and the item’s own series',
      own: '临港区2021年3月行政处罚决定公示',
      hits: [
        '临港区2021年4月行政处罚决定公示',
        '关于公布行政执法事项清单的公告',
        '临港区2021年5月安全生产执法检查情况通报',
      ],
      limit: 5,
      kept: ['关于公布行政执法事项清单的公告', '临港区2021年5月安全生产执法检查情况通报'],
    },
    {
      name: 'keeps the best ranked of each series',
      own: '威海恒达精密机械有限公司排污许可证核发情况公示',
      hits: [
        '临港区安全生产工作简报（2021年第2期）',
        '临港区安全生产工作简报（2021年第9期）',
        '临港区2021年7月环境空气质量状况',
      ],
      limit: 5,
      kept: ['临港区安全生产工作简报（2021年第2期）', '临港区2021年7月环境空气质量状况'],
    },
    {
      name: 'stops at the limit',
      own: '甲',
      hits: ['乙', '丙', '丁'],
      limit: 2,
      kept: ['乙', '丙'],
    },
    { name: 'no hits, nothing', own: '甲', hits: [], limit: 5, kept: [] },
  ])('$name', ({ own, hits, limit, kept }) => {
    expect(distinctRelated(own, hits.map(hit), limit).map((h) => h.title)).toEqual(kept);
  });
});
