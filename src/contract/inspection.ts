/**
 * The self-inspection (网站自查, issue 15) as the API and the console exchange it: a day's
 * indicators with value, threshold and state, an indicator's history, and the columns' classes
 * (docs/inspection.md). Every message names the field in Chinese and says what to write.
 */
import { z } from 'zod';
import { ENTRY_CHECK_STATES } from '../domain/catalog/lapse.ts';
import { COLUMN_SCOPES } from '../domain/guide/column-notes.ts';
import { COLUMN_CLASSES, MAX_FREQUENCY_DAYS } from '../domain/inspection/column-classes.ts';
import { INDICATOR_CODES, INDICATOR_STATES } from '../domain/inspection/indicators.ts';
import { LINK_KINDS } from '../domain/inspection/links.ts';

const columnFinding = z.object({
  scope: z.enum(COLUMN_SCOPES),
  code: z.string(),
  name: z.string(),
  columnClass: z.enum(COLUMN_CLASSES),
  lastPublishedOn: z.string().nullable(),
  freshUntil: z.string().nullable(),
  daysLeft: z.number().nullable(),
});

const linkFinding = z.object({
  url: z.string(),
  kind: z.enum(LINK_KINDS),
  status: z.number().nullable(),
  /** 404（未找到）, 附件文件缺失 */
  reason: z.string(),
  pages: z.array(z.string()),
  pageCount: z.number(),
  firstSeen: z.string(),
});

export const inspectionDetailsSchema = z.object({
  columns: z.array(columnFinding).optional(),
  items: z.array(z.object({ id: z.number(), title: z.string() })).optional(),
  years: z
    .array(
      z.object({
        year: z.number(),
        policies: z.number(),
        interpreted: z.number(),
        ratio: z.number().nullable(),
      }),
    )
    .optional(),
  lastPublishedOn: z.string().nullable().optional(),
  accounts: z
    .array(
      z.object({
        id: z.number(),
        name: z.string(),
        platformLabel: z.string(),
        lastPostedOn: z.string().nullable(),
        days: z.number(),
        daysToVeto: z.number(),
      }),
    )
    .optional(),
  /** 死链: the check's dead links (the first 100), and the day of that check */
  links: z.array(linkFinding).optional(),
  checkedOn: z.string().nullable().optional(),
  entries: z
    .array(
      z.object({
        id: z.number(),
        title: z.string(),
        deadline: z.string(),
        state: z.enum(ENTRY_CHECK_STATES),
        dueOn: z.string().nullable(),
        daysLeft: z.number().nullable(),
        lastPublishedOn: z.string().nullable(),
      }),
    )
    .optional(),
  catalog: z.object({ entries: z.number(), unchecked: z.number(), unmapped: z.number() }).optional(),
});

export const indicatorSchema = z.object({
  indicator: z.enum(INDICATOR_CODES),
  /** 首页不更新, 空白栏目… */
  name: z.string(),
  /** the rule as found (docs/inspection.md) */
  rule: z.string(),
  value: z.number().nullable(),
  threshold: z.number(),
  /** 超过14天, 5个及以上 */
  thresholdLabel: z.string(),
  unit: z.string(),
  veto: z.boolean(),
  state: z.enum(INDICATOR_STATES),
  /** 合格, 预警, 不合格 */
  stateLabel: z.string(),
  details: inspectionDetailsSchema,
});
export type Indicator = z.infer<typeof indicatorSchema>;

export const inspectionSchema = z.object({
  day: z.string(),
  /** false: computed now for the day, not stored (no run that day yet) */
  stored: z.boolean(),
  runAt: z.string().nullable(),
  /** a 单项否决 indicator tripped: the site is 不合格 */
  vetoed: z.boolean(),
  indicators: z.array(indicatorSchema),
});
export type Inspection = z.infer<typeof inspectionSchema>;

export const inspectionQuery = z.object({
  day: z.iso.date({ error: '日期应为 YYYY-MM-DD（如：2026-12-06）' }).optional(),
});

export const inspectionRunBody = z
  .object({ day: z.iso.date({ error: '自查日期应为 YYYY-MM-DD（如：2026-12-06）' }).optional() })
  .nullish();

export const inspectionHistoryQuery = z.object({
  indicator: z.enum(INDICATOR_CODES, { error: '指标代码不正确' }).optional(),
  days: z.coerce
    .number({ error: '天数应为整数' })
    .int({ error: '天数应为整数' })
    .min(1, { error: '天数最少为 1' })
    .max(366, { error: '天数最多为 366' })
    .default(90),
});

export const inspectionHistorySchema = z.object({
  since: z.string(),
  until: z.string(),
  points: z.array(
    z.object({
      day: z.string(),
      indicator: z.enum(INDICATOR_CODES),
      value: z.number().nullable(),
      threshold: z.number(),
      state: z.enum(INDICATOR_STATES),
    }),
  ),
});
export type InspectionHistory = z.infer<typeof inspectionHistorySchema>;

export const columnSettingSchema = z.object({
  scope: z.enum(COLUMN_SCOPES),
  code: z.string(),
  name: z.string(),
  columnClass: z.enum(COLUMN_CLASSES),
  /** 动态要闻类 14天 …; an `other` column's own frequency, or 不检查 */
  periodLabel: z.string(),
  frequencyDays: z.number().nullable(),
  count: z.number(),
  lastPublishedOn: z.string().nullable(),
  note: z.string(),
});
export type ColumnSetting = z.infer<typeof columnSettingSchema>;
export const columnSettingsSchema = z.object({ columns: z.array(columnSettingSchema) });

export const columnClassesBody = z.object({
  columns: z
    .array(
      z
        .object({
          scope: z.enum(COLUMN_SCOPES, { error: '栏目范围应为 category（第二十条类别）或 column（子栏目）' }),
          code: z.string({ error: '请写栏目代码' }).trim().min(1, { error: '请写栏目代码' }).max(32),
          columnClass: z.enum(COLUMN_CLASSES, {
            error:
              '栏目类别应为动态要闻类（news）、通知公告类（notice）、政策文件类（policy）或其他（other）',
          }),
          frequencyDays: z
            .number({ error: '更新周期应为天数' })
            .int({ error: '更新周期应为整数天数' })
            .min(1, { error: '更新周期最少为 1 天' })
            .max(MAX_FREQUENCY_DAYS, { error: `更新周期最多为 ${MAX_FREQUENCY_DAYS} 天` })
            .nullable()
            .default(null),
        })
        .superRefine((v, ctx) => {
          if (v.columnClass !== 'other' && v.frequencyDays !== null)
            ctx.addIssue({
              code: 'custom',
              path: ['frequencyDays'],
              message:
                '更新周期只适用于“其他”类栏目：动态要闻类为2周，通知公告类、政策文件类为6个月，不能另设',
            });
        }),
      { error: '请列出要设置的栏目' },
    )
    .min(1, { error: '请至少设置一个栏目' })
    .max(200, { error: '一次最多设置 200 个栏目' }),
});
export type ColumnClassesInput = z.input<typeof columnClassesBody>;

/** A dead link as GET …/inspection/links lists it: the pages that hold it, why, since when. */
export const deadLinkSchema = linkFinding.extend({
  /** 站内链接, 外部链接 */
  kindLabel: z.string(),
  lastSeen: z.string(),
});
export type DeadLinkJson = z.infer<typeof deadLinkSchema>;

/** The latest link check (死链) of an agency: its figures and its dead links; null check: never run. */
export const linkCheckSchema = z.object({
  check: z
    .object({
      day: z.string(),
      checkedAt: z.string(),
      /** pages rendered and read */
      pages: z.number(),
      /** distinct links checked */
      links: z.number(),
      /** the page bound stopped the crawl before every page was read */
      truncated: z.boolean(),
      internalDead: z.number(),
      external: z.object({
        enabled: z.boolean(),
        checked: z.number(),
        deferred: z.number(),
        dead: z.number(),
      }),
    })
    .nullable(),
  deadLinks: z.array(deadLinkSchema),
});
export type LinkCheck = z.infer<typeof linkCheckSchema>;
