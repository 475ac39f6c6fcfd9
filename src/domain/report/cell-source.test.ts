import { describe, expect, it } from 'vitest';
import { type CellSource, cellSource, outcomesOfRow } from './cell-source.ts';
import { REPORT_FORMATS } from './formats/registry.ts';

describe('cellSource', () => {
  it.each<[string, CellSource | null]>([
    ['t2.normative.valid', { kind: 'normative', docKind: 'normative', column: 'valid' }],
    ['t2.license.decisions', { kind: 'figures', field: 'licenseDecisions' }],
    ['t2.fees.amount_wan', { kind: 'figures', field: 'feesWan' }],
    ['t3.new.natural_person', { kind: 'requests', row: 'new', column: 'natural_person' }],
    ['t3.denied.state_secret.total', { kind: 'requests', row: 'denied.state_secret', column: 'total' }],
    ['t4.suit_after_review.pending', { kind: 'reviews', group: 'suit_after_review', column: 'pending' }],
    ['publications.total', { kind: 'publications' }],
    ['publications.channel.wechat', { kind: 'publications', channel: 'wechat' }],
    ['publications.meetings', { kind: 'publications', flag: 'meetings' }],
    ['t2.normative.published', { kind: 'normative', docKind: 'normative', column: 'published' }],
    [
      't2.regulation.published_total',
      { kind: 'normative', docKind: 'regulation', column: 'published_total' },
    ],
    ['t3.other.legal_service', { kind: 'requests', row: 'other', column: 'legal_service' }],
    ['t2.license.items_change', { kind: 'figures', field: 'licenseItemsChange' }],
    ['t2.other_services.decisions', { kind: 'figures', field: 'otherServicesDecisions' }],
    ['t2.procurement.amount_yuan', { kind: 'figures', field: 'procurementAmountYuan' }],
    ['t3.nosuch.total', null],
    ['t2.normative.amount', null],
    ['t4.review.everything', null],
    ['publications.channel.', null],
    ['', null],
  ])('%s', (code, expected) => {
    expect(cellSource(code)).toEqual(expected);
  });

  it.each(REPORT_FORMATS.map((f) => [f.id, f] as const))(
    'gives every cell of the %s format a source',
    (_id, f) => {
      expect(f.cellCodes.filter((code) => cellSource(code) === null)).toEqual([]);
    },
  );
});

describe('outcomesOfRow', () => {
  it.each<[string, readonly string[]]>([
    ['denied.state_secret', ['denied.state_secret']],
    ['other', ['other.no_correction', 'other.no_fee', 'other.other']],
    ['new', []],
  ])('%s', (row, outcomes) => {
    expect(outcomesOfRow(row)).toEqual(outcomes);
  });
});
