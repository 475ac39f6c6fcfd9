import { describe, expect, it } from 'vitest';
import { type CellSource, cellSource } from './cell-source.ts';

describe('cellSource', () => {
  it.each<[string, CellSource | null]>([
    ['t2.normative.valid', { kind: 'normative', docKind: 'normative', column: 'valid' }],
    ['t2.license.decisions', { kind: 'figures', field: 'licenseDecisions' }],
    ['t2.fees.amount_wan', { kind: 'figures', field: 'feesYuan' }],
    ['t3.new.natural_person', { kind: 'requests', row: 'new', column: 'natural_person' }],
    ['t3.denied.state_secret.total', { kind: 'requests', row: 'denied.state_secret', column: 'total' }],
    ['t4.suit_after_review.pending', { kind: 'reviews', group: 'suit_after_review', column: 'pending' }],
    ['publications.total', { kind: 'publications' }],
    ['publications.channel.wechat', { kind: 'publications', channel: 'wechat' }],
    ['publications.meetings', { kind: 'publications', flag: 'meetings' }],
    ['t3.nosuch.total', null],
    ['t2.normative.amount', null],
    ['t4.review.everything', null],
    ['publications.channel.', null],
    ['', null],
  ])('%s', (code, expected) => {
    expect(cellSource(code)).toEqual(expected);
  });
});
