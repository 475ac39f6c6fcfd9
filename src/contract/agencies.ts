/** The agencies' contract: the list of agencies, and an agency's publication channels. */
import { z } from 'zod';

export const agencyListSchema = z.object({
  agencies: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      kind: z.string().describe('government | department | development_zone | township | other'),
      years: z.array(z.number().int()).describe('years with publications or requests, newest first'),
      reportYears: z
        .array(z.number().int())
        .describe('years with a published annual report (a frozen version), newest first'),
    }),
  ),
});

/** An agency's publication channels (网站, 微信, 微博, …: per-agency data), in the agency's order. */
export const channelListSchema = z.object({
  channels: z.array(
    z.object({
      code: z.string().describe('e.g. wechat'),
      name: z.string().describe('e.g. 微信'),
      website: z.boolean().describe('the website: publishing an item records it there itself'),
    }),
  ),
});
