/** Test helpers of the renderers: a small, complete AnnualReport (every cell present). */
import { formatById } from '../domain/report/formats/registry.ts';
import type { AnnualReport, Cells } from '../domain/report/types.ts';

const {
  cellCodes: CELL_CODES,
  decimalCells: [DECIMAL_CELL],
} = formatById('2021');

/** Every cell code with a distinct value (its index), the 万元 cell as a decimal string. */
export function distinctCells(): Cells {
  return Object.fromEntries(CELL_CODES.map((code, i) => [code, code === DECIMAL_CELL ? '0.35' : i]));
}

/** A minimal report of a fictional agency; override any field. */
export function minimalReport(overrides: Partial<AnnualReport> = {}): AnnualReport {
  return {
    format: '2021',
    agency: {
      code: 'test',
      name: '测试区管理委员会',
      kind: 'development_zone',
      shortName: '测试区',
      address: '测试路1号',
      postcode: '100000',
      phone: '010-00000000',
      website: 'http://www.example.gov.cn',
      websiteName: '测试区管委会网站',
      office: '党政办公室',
    },
    year: 2021,
    preamble: ['根据《中华人民共和国政府信息公开条例》，编制发布本报告。'],
    cells: distinctCells(),
    previousCells: null,
    narrative: {
      overview: [
        { topic: 'proactive', title: '主动公开', segments: [{ kind: 'staff', text: '公开信息10条。' }] },
        { topic: 'requests', title: '依申请公开', segments: [{ kind: 'staff', text: '本年新收申请6件。' }] },
      ],
      problems: [{ topic: 'problems', title: '', segments: [{ kind: 'staff', text: '存在问题。' }] }],
      other: [{ topic: 'other', title: '', segments: [{ kind: 'staff', text: '无其他需要报告的事项。' }] }],
    },
    charts: {
      publicationsByChannel: [
        { label: '网站', value: 6 },
        { label: '微信', value: 4 },
      ],
      requestOutcomes: [
        { label: '予以公开', value: 1 },
        { label: '部分公开', value: 0 },
      ],
    },
    publishedOn: null,
    violations: [],
    ...overrides,
  };
}
