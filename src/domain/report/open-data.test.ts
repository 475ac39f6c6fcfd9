import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { seedReport } from '../../../test/fixtures/seed-report.ts';
import type { FormatId } from './format.ts';
import { formatById } from './formats/registry.ts';
import {
  CSV_BOM,
  csvCellColumns,
  csvField,
  csvRecordLine,
  type OpenDataRecord,
  openDataCsv,
  openDataRecord,
  openDataSchemaUrl,
} from './open-data.ts';
import { cellSchema, openDataSchema } from './open-data-schema.ts';

/** The demo agency's 2021 report (the seed), published as version 1 on 19 January 2022. */
const seed = seedReport();
const ORIGIN = 'https://gk.example.gov.cn';
const seedRecord = openDataRecord(
  {
    format: formatById('2021'),
    agency: { code: 'lingang', name: seed.agency.name },
    year: 2021,
    version: 1,
    publishedOn: '2022-01-19',
    cells: seed.cells,
  },
  ORIGIN,
);

/** A 2019-format record read from a file: most cells unreadable, one signed figure negative. */
const checked2019 = openDataRecord({
  format: formatById('2019'),
  agency: { code: null, name: '某县人民政府办公室', level: '县级' },
  year: 2020,
  version: null,
  publishedOn: null,
  cells: { 't2.license.items_change': -3, 't3.new.total': 12, 't2.procurement.amount_yuan': 500 },
});

describe('the open-data record of a report', () => {
  it('lists every cell of the format in its order, the 万元 cell as its decimal string', () => {
    expect(Object.keys(seedRecord.cells)).toEqual(formatById('2021').cellCodes);
    expect(seedRecord).toMatchObject({
      schema: 'https://gk.example.gov.cn/api/v1/public/report-schemas/2021.json',
      format: '2021',
      agency: { code: 'lingang', name: '威海临港经济技术开发区管理委员会' },
      year: 2021,
      version: 1,
      publishedOn: '2022-01-19',
    });
    expect(seedRecord.cells['t2.fees.amount_wan']).toBe('706');
    expect(seedRecord.cells['t2.license.decisions']).toBe(5416);
    expect(seedRecord.cells['t3.new.total']).toBe(6);
  });

  it('gives null for a cell the report lacks, and keeps the level only when given', () => {
    expect(checked2019.cells['t3.new.natural_person']).toBeNull();
    expect(checked2019.cells['t2.license.items_change']).toBe(-3);
    expect(checked2019.agency).toEqual({ code: null, name: '某县人民政府办公室', level: '县级' });
    expect(seedRecord.agency).not.toHaveProperty('level');
    expect(checked2019.schema).toBe('/api/v1/public/report-schemas/2019.json');
  });

  it.each<[string, string, string]>([
    ['no origin', '', '/api/v1/public/report-schemas/2021.json'],
    [
      'an origin',
      'https://gk.example.gov.cn',
      'https://gk.example.gov.cn/api/v1/public/report-schemas/2021.json',
    ],
    [
      'an origin with a slash',
      'http://localhost:3000/',
      'http://localhost:3000/api/v1/public/report-schemas/2021.json',
    ],
  ])('names its schema by URL with %s', (_situation, origin, url) => {
    expect(openDataSchemaUrl('2021', origin)).toBe(url);
  });
});

describe('the CSV of open-data records', () => {
  it.each<[string, string | number | null, string]>([
    ['a plain name', '威海临港经济技术开发区管理委员会', '威海临港经济技术开发区管理委员会'],
    ['a comma', '某市,某区', '"某市,某区"'],
    ['a quote', '“简称”"X"', '"“简称”""X"""'],
    ['a line break', '第一行\n第二行', '"第一行\n第二行"'],
    ['a carriage return', 'a\rb', '"a\rb"'],
    ['a negative number', -3, '-3'],
    ['a decimal string', '24252.311082', '24252.311082'],
    ['null', null, ''],
  ])('quotes a field with %s as RFC 4180 says', (_situation, value, field) => {
    expect(csvField(value)).toBe(field);
  });

  it('starts with a BOM so that Excel reads UTF-8, ends lines with CRLF, one line per record', () => {
    const csv = openDataCsv([seedRecord]);
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    const header = lines[0].split(',');
    expect(header.slice(0, 7)).toEqual([
      'agency_code',
      'agency_name',
      'year',
      'format',
      'version',
      'published_on',
      't2.regulation.issued',
    ]);
    expect(header).toHaveLength(6 + 200);
    const row = lines[1].split(',');
    expect(row.slice(0, 6)).toEqual([
      'lingang',
      '威海临港经济技术开发区管理委员会',
      '2021',
      '2021',
      '1',
      '2022-01-19',
    ]);
    expect(row[header.indexOf('t2.fees.amount_wan')]).toBe('706');
    expect(row[header.indexOf('t3.new.total')]).toBe('6');
  });

  it('has only the header when there is no record', () => {
    const csv = openDataCsv([], ['2019']);
    expect(csv).toBe(
      `${CSV_BOM}${['agency_code,agency_name,year,format,version,published_on', ...formatById('2019').cellCodes].join(',')}\r\n`,
    );
  });

  it.each<[string, FormatId[], number, string, string]>([
    ['2021 alone', ['2021'], 200, 't2.regulation.issued', 't4.suit_after_review.total'],
    ['2019 alone', ['2019'], 198, 't2.regulation.issued', 't4.suit_after_review.total'],
    [
      'both: 2021’s codes, then the 2019-only ones',
      ['2019', '2021'],
      224,
      't2.regulation.issued',
      't3.other.total',
    ],
  ])('takes the columns of %s', (_situation, formats, count, first, last) => {
    const columns = csvCellColumns(formats);
    expect([columns.length, columns[0], columns.at(-1)]).toEqual([count, first, last]);
    expect(new Set(columns).size).toBe(count);
  });

  it('leaves a column empty in a mixed CSV where a record’s format has no such cell', () => {
    const columns = csvCellColumns(['2021', '2019']);
    const line = csvRecordLine(seedRecord, columns).split(',');
    expect(line[6 + columns.indexOf('t2.regulation.published')]).toBe('');
    const old = csvRecordLine(checked2019, columns).split(',');
    expect(old.slice(0, 6)).toEqual(['', '某县人民政府办公室', '2020', '2019', '', '']);
    expect(old[6 + columns.indexOf('t2.license.items_change')]).toBe('-3');
    expect(old[6 + columns.indexOf('t2.fees.amount_wan')]).toBe('');
  });
});

describe('the JSON Schema of a format’s records', () => {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  const validate2021 = ajv.compile(openDataSchema('2021', ORIGIN));
  const validate2019 = ajv.compile(openDataSchema('2019'));

  it('carries the format id in $id and names each cell as the printed table does', () => {
    const schema = openDataSchema('2021', ORIGIN);
    expect(schema.$id).toBe(seedRecord.schema);
    expect(cellSchema('2021', 't3.total.natural_person')).toMatchObject({
      title: '表三“（七）总计”行“自然人”列',
      type: ['integer', 'null'],
      minimum: 0,
    });
    expect(cellSchema('2019', 't2.license.items_change')).toEqual({
      title: '表二第二十条第（五）项“行政许可”行“本年增/减”列',
      description: expect.stringContaining('可为负数'),
      type: ['integer', 'null'],
    });
    expect(cellSchema('2019', 't2.license.items_prev').description).toContain('未填报');
    expect(cellSchema('2021', 't2.fees.amount_wan')).toMatchObject({ type: ['string', 'null'] });
  });

  it('accepts the seed report’s record and a report read from a file', () => {
    expect(validate2021(seedRecord), JSON.stringify(validate2021.errors)).toBe(true);
    expect(validate2019(checked2019), JSON.stringify(validate2019.errors)).toBe(true);
  });

  const bad = (change: (r: OpenDataRecord) => void): OpenDataRecord => {
    const copy = structuredClone(seedRecord);
    change(copy);
    return copy;
  };
  it.each<[string, OpenDataRecord, string]>([
    [
      'a negative count',
      bad((r) => {
        r.cells['t3.new.total'] = -1;
      }),
      '/cells/t3.new.total',
    ],
    [
      'a count with decimals',
      bad((r) => {
        r.cells['t3.new.total'] = 1.5;
      }),
      '/cells/t3.new.total',
    ],
    [
      'a count as text',
      bad((r) => {
        r.cells['t3.new.total'] = '6';
      }),
      '/cells/t3.new.total',
    ],
    [
      '万元 as a number',
      bad((r) => {
        r.cells['t2.fees.amount_wan'] = 706;
      }),
      '/cells/t2.fees.amount_wan',
    ],
    [
      '万元 with seven decimals',
      bad((r) => {
        r.cells['t2.fees.amount_wan'] = '0.1234567';
      }),
      '/cells/t2.fees.amount_wan',
    ],
    [
      'a missing cell',
      bad((r) => {
        delete r.cells['t4.review.total'];
      }),
      '/cells',
    ],
    [
      'a cell of another format',
      bad((r) => {
        r.cells['t3.other.total'] = 0;
      }),
      '/cells',
    ],
    [
      'another format id',
      bad((r) => {
        r.format = '2019';
      }),
      '/format',
    ],
    [
      'a day not ISO',
      bad((r) => {
        r.publishedOn = '2022年1月19日';
      }),
      '/publishedOn',
    ],
    [
      'version 0',
      bad((r) => {
        r.version = 0;
      }),
      '/version',
    ],
  ])('rejects a record with %s', (_situation, record, path) => {
    expect(validate2021(record)).toBe(false);
    expect(validate2021.errors?.map((e) => e.instancePath)).toContain(path);
  });

  it('accepts up to six decimals of 万元, as real reports print them', () => {
    const record = bad((r) => {
      r.cells['t2.fees.amount_wan'] = '24252.311082';
    });
    expect(validate2021(record)).toBe(true);
  });
});
