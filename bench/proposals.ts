/**
 * `npm run bench:proposals`: grouping an agency's year of requests by the information sought
 * (条例 第四十四条, docs/requests.md) — 5,000 requests by default.
 *
 * The texts are synthetic but shaped like real ones: a form prefix (申请公开, 请提供, 关于 …的政府信息 or
 * none), a year, a place (40) and a subject (30), so many requests ask for the same information in
 * other words and many are near misses (another place, year or subject). Applicants are drawn from
 * 3,000 people; a third of the requests are answered 予以公开, some suggest publication.
 *
 * Measured, median of --runs after a warm-up: (a) segmentation (jieba terms of every text, what
 * `computeProposals` does after its read), (b) grouping and qualification (`findProposals`), and
 * (a)+(b), in wall time and in the process's CPU time (what the work costs when other processes
 * share the cores). Target: (a)+(b) < 1,000 ms wall for 5,000 requests. Exit code 0 either way; FAIL is printed.
 * Flags: --requests N, --runs N, --seed N.
 */
import { parseArgs } from 'node:util';
import { prng } from '../src/demo/lingang.ts';
import { findProposals, type ProposalRequest } from '../src/domain/requests/proposals/proposals.ts';
import { requestTerms } from '../src/search/request-terms.ts';

const TARGET_MS = 1000;
const { values } = parseArgs({
  options: { requests: { type: 'string' }, runs: { type: 'string' }, seed: { type: 'string' } },
});
const count = Number(values.requests ?? 5000);
const runs = Number(values.runs ?? 5);
const random = prng(Number(values.seed ?? 44));
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];

const PLACES = [
  ...[
    '临港区',
    '东山街道',
    '西山街道',
    '和平村',
    '幸福村',
    '港湾社区',
    '海滨小区',
    '东港路',
    '青岛路',
    '新华路',
  ],
  ...[
    '文化路',
    '统一路',
    '海港路',
    '世昌大道',
    '长峰村',
    '柳林村',
    '北山社区',
    '南山社区',
    '初村镇',
    '草庙子镇',
  ],
  ...[
    '温泉镇',
    '桥头镇',
    '孙家疃街道',
    '竹岛街道',
    '环翠楼街道',
    '鲸园街道',
    '田村',
    '羊亭镇',
    '张村镇',
    '嵩山街道',
  ],
  ...[
    '东方红村',
    '前进村',
    '胜利社区',
    '光明社区',
    '滨海新城',
    '科技新城',
    '经济技术开发区',
    '火炬高技术产业开发区',
    '临港物流园',
    '蔄山镇',
  ],
];
const SUBJECTS = [
  ...['城乡低保资金发放明细', '房屋征收补偿方案', '部门预算和三公经费', '财政决算', '环境影响评价报告'],
  ...[
    '建设工程规划许可证',
    '行政处罚决定书',
    '幼儿园招生划片范围',
    '加装电梯补贴名单',
    '农村危房改造补助名单',
  ],
  ...[
    '道路养护资金使用明细',
    '政府采购项目目录',
    '重点建设项目清单',
    '城乡居民医保缴费标准',
    '拆迁安置房分配方案',
  ],
  ...[
    '棚户区改造项目立项批复',
    '土地征收批复文件',
    '临时救助资金发放情况',
    '公务员招录体检名单',
    '污水处理厂运行监测数据',
  ],
  ...[
    '垃圾焚烧发电项目环评批复',
    '老旧小区改造实施方案',
    '集体土地承包合同',
    '惠民补贴发放名单',
    '学校食堂食品安全检查结果',
  ],
  ...[
    '防汛应急预案',
    '河道整治工程招标文件',
    '供暖价格调整听证材料',
    '公交线路调整方案',
    '停车收费标准及依据',
  ],
];
const YEARS = ['2023年', '2024年', '2025年', '2026年'];
const FORMS: Array<(info: string) => string> = [
  (i) => i,
  (i) => `申请公开${i}`,
  (i) => `请提供${i}`,
  (i) => `关于${i}的政府信息`,
  (i) => `本人申请获取${i}的复印件`,
];
const OUTCOMES = [
  'granted',
  'granted',
  'partial',
  'denied.third_party',
  'unable.not_held',
  null,
  null,
] as const;

const texts = Array.from({ length: count }, () =>
  pick(FORMS)(`${pick(YEARS)}${pick(PLACES)}${pick(SUBJECTS)}`),
);
const people = Array.from({ length: 3000 }, (_, i) => `id:resident_id:P${i}`);
const meta = texts.map((_, id) => ({
  id: id + 1,
  applicant: pick(people),
  outcome: pick(OUTCOMES),
  suggested: random() < 0.02,
}));

function segment(): ProposalRequest[] {
  return texts.map((text, i) => ({ ...meta[i], terms: requestTerms(text), basis: null }));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/** Wall time; CPU time (user + system) is kept too: on a shared machine it is what the work costs. */
const cpu: number[] = [];
const time = <T>(work: () => T): [T, number] => {
  const start = performance.now();
  const startCpu = process.cpuUsage();
  const result = work();
  const used = process.cpuUsage(startCpu);
  cpu.push((used.user + used.system) / 1000);
  return [result, performance.now() - start];
};

segment(); // warm-up: jieba's dictionary and the JIT
findProposals(segment(), []);
cpu.length = 0;
const seg: number[] = [];
const group: number[] = [];
let proposals = 0;
let grouped = 0;
for (let run = 0; run < runs; run++) {
  const [requests, a] = time(segment);
  const [found, b] = time(() => findProposals(requests, []));
  seg.push(a);
  group.push(b);
  proposals = found.length;
  grouped = found.reduce((n, p) => n + p.requestIds.length, 0);
}
const total = median(seg.map((a, i) => a + group[i]));
console.log(
  `条例第四十四条 proposals: ${count} requests, ${proposals} proposals covering ${grouped} requests`,
);
console.log(`  (a) segmentation     median ${median(seg).toFixed(1)} ms`);
console.log(`  (b) grouping         median ${median(group).toFixed(1)} ms`);
const cpuTotal = median(seg.map((_, i) => cpu[2 * i] + cpu[2 * i + 1]));
console.log(`  (a)+(b) CPU time     median ${cpuTotal.toFixed(1)} ms (the process's user + system time)`);
console.log(
  `  (a)+(b)              median ${total.toFixed(1)} ms (target < ${TARGET_MS} ms) ${total < TARGET_MS ? 'PASS' : 'FAIL'}`,
);
