/** Records for the tests of facts.ts: an agency's records with defaults, a request in one line. */
import type { AgencyRecords } from './facts.ts';
import type { RequestRecord } from './records.ts';
import type { Outcome } from './vocabulary.ts';

export const CHANNELS = [
  { code: 'website', name: '网站' },
  { code: 'wechat', name: '微信' },
  { code: 'weibo', name: '微博' },
];

export function records(parts: Partial<AgencyRecords> = {}): AgencyRecords {
  return {
    channels: CHANNELS,
    publications: [],
    normative: [],
    requests: [],
    reviews: [],
    admin: new Map(),
    ...parts,
  };
}

export function request(
  receivedOn: string,
  decidedOn: string | null,
  outcome: Outcome | null = decidedOn ? 'granted' : null,
  more: Partial<RequestRecord> = {},
): RequestRecord {
  return {
    applicantType: 'natural_person',
    channel: 'online',
    receivedOn,
    decidedOn,
    outcome,
    feeFen: 0,
    itemOutcomes: [],
    ...more,
  };
}

export const sum = (values: Record<string, number>): number =>
  Object.values(values).reduce((a, b) => a + b, 0);
