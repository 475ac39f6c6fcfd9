/**
 * Escaping is the default, not a convention: every page is written with the `html` tag, so text
 * that reaches a page from the database or the request — an agency's particulars, a title, a
 * field value, an error message, a breadcrumb — is escaped wherever it lands.
 */
import { describe, expect, it } from 'vitest';
import type { AgencyProfile } from '../queries/catalog.ts';
import { renderApplyForm } from './apply.ts';
import { renderCatalogList } from './catalog.ts';
import { renderConfirmation } from './confirmation.ts';
import { renderErrorView } from './error.ts';
import { renderGuide } from './guide.ts';
import { renderInForceList } from './normative.ts';
import { renderSearch } from './search.ts';
import { renderSectionIndex } from './section.ts';
import { renderTrack } from './track.ts';

const EVIL = '"><script>alert(1)</script><img src=x onerror=alert(2)>';
const context = { url: `/x?q=${EVIL}`, large: false };
const agency: AgencyProfile = {
  id: 1,
  code: 'lingang',
  name: EVIL,
  address: EVIL,
  postcode: EVIL,
  phone: EVIL,
  office: EVIL,
  website: EVIL,
  website_name: EVIL,
};
const applyValues = Object.fromEntries(
  [
    'applicantType',
    'name',
    'idType',
    'idNumber',
    'phone',
    'email',
    'address',
    'description',
    'docNumber',
  ].map((k) => [k, EVIL]),
);

const pages: Array<[string, () => string]> = [
  [
    'the guide, from the agency’s particulars, reading points and remedies',
    () =>
      renderGuide(
        agency,
        {
          guide: {
            office: EVIL,
            address: EVIL,
            postcode: EVIL,
            officeHours: EVIL,
            phone: EVIL,
            fax: EVIL,
            email: EVIL,
            acceptsFax: true,
            acceptsEmail: true,
          },
          points: [
            {
              id: 1,
              name: EVIL,
              kind: 'other',
              kindLabel: EVIL,
              address: EVIL,
              hours: EVIL,
              phone: EVIL,
              sort: 0,
            },
          ],
          remedies: { reviewBody: EVIL, court: EVIL, complaintChannel: EVIL },
        },
        context,
      ),
  ],
  [
    'a section index with an item title',
    () =>
      renderSectionIndex(
        agency,
        [{ id: 1, title: EVIL, published_on: EVIL, doc_number: EVIL, agency_code: 'x' }],
        context,
      ),
  ],
  [
    'the request form with typed values and messages',
    () =>
      renderApplyForm(
        agency,
        {
          values: { ...applyValues, suggestNote: EVIL, suggestReasons: [EVIL] } as Parameters<
            typeof renderApplyForm
          >[1]['values'],
          errors: { name: [EVIL], contact: [EVIL], token: [EVIL] },
          token: EVIL,
          csrf: EVIL,
        },
        context,
      ),
  ],
  [
    'the receipt',
    () =>
      renderConfirmation(
        agency,
        { trackingCode: EVIL, registrationNo: EVIL, receivedOn: EVIL, dueOn: EVIL, provisional: true },
        context,
      ),
  ],
  ['an error page quoting the address', () => renderErrorView(404, EVIL, context)],
  [
    'the tracking form with a typed code',
    () => renderTrack({ code: EVIL, errors: { code: [EVIL] }, found: null }, context),
  ],
  [
    'the search page with a typed query and refused filters',
    () =>
      renderSearch(
        {
          form: { q: EVIL, year: EVIL, page: 1 },
          agencies: [{ code: EVIL, name: EVIL }],
          result: null,
          codes: new Map(),
          kinds: new Map(),
          pages: [],
          facets: null,
          pageSize: 20,
          errors: [EVIL],
        },
        context,
      ),
  ],
  [
    'the search page suggesting a typed query',
    () =>
      renderSearch(
        {
          form: { q: EVIL, page: 1 },
          agencies: [],
          result: { total: 0, hits: [], suggestion: EVIL, dropped: [EVIL] },
          codes: new Map(),
          kinds: new Map(),
          pages: [],
          facets: { category: new Map(), year: new Map([[EVIL, 1]]), type: new Map([['policy', 1]]) },
          pageSize: 20,
          errors: [],
        },
        context,
      ),
  ],
  [
    'the search page with pages found',
    () =>
      renderSearch(
        {
          form: { q: EVIL, page: 1 },
          agencies: [],
          result: { total: 0, hits: [], dropped: [EVIL] },
          codes: new Map(),
          kinds: new Map(),
          pages: [{ kind: 'report', title: EVIL, href: EVIL, note: EVIL }],
          facets: null,
          pageSize: 20,
          errors: [],
        },
        context,
      ),
  ],
  [
    'a catalogue list with a sub-column name',
    () =>
      renderCatalogList(
        agency,
        {
          category: 'a20.11',
          column: { code: EVIL, name: EVIL, category: 'a20.11' },
          rows: [],
          total: 0,
          page: 1,
          pageSize: 20,
        },
        [{ code: EVIL, name: EVIL, category: 'a20.11' }],
        context,
      ),
  ],
  [
    'the normative documents in force',
    () =>
      renderInForceList(
        agency,
        {
          on: EVIL,
          rows: [
            {
              docNumber: EVIL,
              title: EVIL,
              kindLabel: EVIL,
              issuedOn: EVIL,
              version: 2,
            } as Parameters<typeof renderInForceList>[1]['rows'][number],
          ],
          total: 1,
          page: 1,
          pageSize: 20,
        },
        context,
      ),
  ],
];

describe('portal pages escape what they show', () => {
  it.each(pages)('%s', (_page, render) => {
    const page = render();
    expect(page).not.toContain('<script');
    expect(page).not.toContain('<img');
    expect(page).not.toContain(EVIL);
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});
