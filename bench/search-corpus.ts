/**
 * The search benchmark's corpus: realistic Chinese published items (主动公开) built from a
 * vocabulary of government phrases — 关于…的通知 titles, 文号 like 威临管发〔2021〕3号, bodies of
 * a few sentences (≈ 200–350 characters) about one main topic and one or two others, with years,
 * standards (GB/T 9704), phone numbers and dates. Topics are Zipf-distributed, so some words are
 * in many items and others in few, as on a real site. Deterministic for a seed.
 */
import { prng } from '../src/demo/lingang.ts';
import type { IndexableItem } from '../src/search/types.ts';

/** Subjects of government work; the first are the most frequent (Zipf). */
export const TOPICS: readonly string[] = (
  '安全生产 城乡低保 就业补贴 疫情防控 乡村振兴 营商环境 环境保护 医疗保险 养老服务 住房保障 ' +
  '义务教育 食品安全 防汛抗旱 森林防火 消防安全 政府采购 财政预算 行政审批 大气污染防治 垃圾分类 ' +
  '老旧小区改造 城市更新 农村公路 残疾人补贴 高龄津贴 特困供养 临时救助 退役军人 优抚对象 耕地保护 ' +
  '不动产登记 户籍管理 减税降费 中小企业 科技创新 高新技术企业 人才引进 公租房 保障性租赁住房 棚户区改造 ' +
  '道路交通 公共交通 停车管理 水资源 污水处理 饮用水安全 文物保护 公共文化 全民健身 职业技能培训 ' +
  '创业担保贷款 失业保险 工伤保险 生育保险 医疗救助 家庭医生 疫苗接种 传染病防治 药品监管 特种设备 ' +
  '危险化学品 建筑施工 电梯安全 燃气安全 校园安全 网络安全 数据安全 政务服务 一网通办 信用体系 ' +
  '市场监管 知识产权 农业补贴 种粮补贴 畜牧业 渔业 海洋经济 港口建设 园区开发 招商引资 ' +
  '对外贸易 跨境电商 数字经济 新能源汽车 节能减排 碳达峰 生态补偿 自然保护区 林长制 河长制 ' +
  '土地征收 房屋征收 拆迁补偿 社区治理 网格化管理 志愿服务 慈善捐赠 社会组织 婚姻登记 殡葬管理 ' +
  '养老机构 托育服务 妇女儿童 未成年人保护 法律援助 人民调解 行政复议 信访工作 最低生活保障 城乡居民医疗保险 ' +
  '安全生产许可证 排污许可 取水许可 建设工程规划许可 施工许可 食品经营许可 统计调查 审计整改 国有资产 债务管理 ' +
  '住房公积金 医保报销 异地就医 长期护理保险 城乡居民养老保险 机关事业单位养老保险 最低工资标准 欠薪治理 ' +
  '农民工工资 劳动仲裁 职称评审 事业单位招聘 公务员录用 干部任免 机构改革 权责清单 行政许可 行政处罚 ' +
  '行政强制 双随机一公开 证明事项告知承诺制 放管服改革 工程建设项目审批 电子证照 不见面审批 ' +
  '农村集体产权 宅基地管理 高标准农田 农产品质量安全 动物防疫 非洲猪瘟 森林资源 湿地保护 海域使用 ' +
  '海岸线保护 地质灾害防治 矿产资源 国土空间规划 历史文化街区 城市管理 市容环境 户外广告 建筑垃圾 ' +
  '物业管理 房地产市场 商品房预售 住房租赁 供热保障 供水保障 电力供应 天然气 充电设施 5G基站 ' +
  '冬季供暖 夏季防暑 重污染天气 扬尘治理 噪声污染 土壤污染防治 固体废物 医疗废物 水土保持 ' +
  '学前教育 普惠性幼儿园 校外培训 双减 高中招生 学生资助 营养改善计划 职业教育 高校毕业生就业 ' +
  '退役士兵安置 拥军优属 兵役登记 人民防空 应急预案 应急演练 自然灾害救助 地震监测 气象预警'
).split(' ');

export const AGENCIES: readonly string[] = (
  '临港区管委会 威海市人民政府 环翠区人民政府 文登区人民政府 荣成市人民政府 乳山市人民政府 ' +
  '市民政局 市人力资源和社会保障局 市生态环境局 市应急管理局 市住房和城乡建设局 市交通运输局 ' +
  '市卫生健康委员会 市市场监督管理局 市财政局 市教育局 市农业农村局 市自然资源和规划局 市商务局 市医疗保障局'
).split(' ');

const DOC_PREFIXES =
  '威临管发 威临管办发 威政发 威政办发 威民发 威人社发 威环发 威应急发 威住建发 威交发 威卫发 威市监发 威财发 威教发 威农发 威自然资发 威商发 威医保发 环政发 荣政发'.split(
    ' ',
  );
const ACTIONS = '做好 加强 进一步规范 开展 推进 深化 做好2021年度 印发'.split(' ');
const SUFFIXES =
  '工作 管理 专项行动 实施方案 管理办法 工作方案 考核办法 实施细则 资金管理办法 三年行动计划'.split(' ');
const LAWS =
  '中华人民共和国政府信息公开条例 中华人民共和国安全生产法 社会救助暂行办法 中华人民共和国预算法 优化营商环境条例 中华人民共和国环境保护法 中华人民共和国社会保险法'.split(
    ' ',
  );
const UNITS = '各区人民政府，市政府各部门 各镇人民政府、街道办事处 各有关单位 各区民政局 各相关企业'.split(
  ' ',
);
const DUTIES =
  '加强组织领导 压实工作责任 确保资金安全 强化监督检查 做好政策宣传 及时报送工作进展 严格审核把关 建立工作台账'.split(
    ' ',
  );
const STANDARDS = ['GB/T 9704-2012', 'GB 50016-2014', 'GB/T 19001-2016', 'GB 6722-2014', 'GB/T 33000-2016'];
const CATEGORIES = Array.from({ length: 15 }, (_, i) => `a20.${i + 1}`);

/** A Zipf-like pick: index i with weight 1/(i+1)^0.8. */
function zipf(random: () => number, n: number): () => number {
  const cumulative: number[] = [];
  let sum = 0;
  for (let i = 0; i < n; i++) {
    sum += 1 / (i + 1) ** 0.8;
    cumulative.push(sum);
  }
  return () => {
    const x = random() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** The items, lazily (a million fit in no array), with ids 1…count. */
export function* corpus(count: number, seed: number): Generator<IndexableItem> {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const topicIndex = zipf(random, TOPICS.length);
  for (let id = 1; id <= count; id++) {
    const year = 2010 + Math.floor(random() * 15);
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    const topic = TOPICS[topicIndex()];
    const second = TOPICS[topicIndex()];
    const agency = pick(AGENCIES);
    const kind = random();
    const title =
      kind < 0.45
        ? `关于${pick(ACTIONS)}${topic}${pick(SUFFIXES)}的通知`
        : kind < 0.6
          ? `关于${year}年度${topic}资金${pick(['分配', '发放', '使用'])}情况的公示`
          : kind < 0.72
            ? `《${topic}${pick(SUFFIXES)}》政策解读`
            : kind < 0.84
              ? `${agency}${year}年${topic}工作总结`
              : kind < 0.93
                ? `${agency}关于${topic}有关问题的批复`
                : `关于征求《${topic}实施细则（征求意见稿）》意见的公告`;
    const hasNumber = kind < 0.6 || kind >= 0.84;
    const docNumber = hasNumber
      ? `${pick(DOC_PREFIXES)}〔${year}〕${1 + Math.floor(random() * 120)}号`
      : null;
    const sentences = [
      `${pick(UNITS)}：`,
      `为贯彻落实党中央、国务院关于${topic}的决策部署，根据《${pick(LAWS)}》等规定，结合本地实际，现就${year}年度${topic}有关事项通知如下。`,
      `一、工作目标。到${year + 1}年底，${topic}和${second}工作机制进一步健全，${pick(['困难群众', '市场主体', '重点企业', '服务对象', '人民群众'])}获得感明显增强。`,
      `二、主要任务。各单位要${pick(DUTIES)}、${pick(DUTIES)}，统筹推进${topic}与${second}工作。`,
      random() < 0.3 ? `公文格式执行${pick(STANDARDS)}《党政机关公文格式》。` : '',
      random() < 0.5 ? `三、保障措施。${pick(DUTIES)}，对${topic}资金实行专账管理，严禁挤占挪用。` : '',
      `本通知自${year}年${month}月${day}日起施行。联系电话：0631-${5_200_000 + Math.floor(random() * 99_999)}。`,
    ];
    yield {
      id,
      agencyId: 1 + AGENCIES.indexOf(agency),
      title,
      bodyText: sentences.join(''),
      docNumber,
      category: pick(CATEGORIES),
      publishedOn: `${year}-${pad(month)}-${pad(day)}`,
      validity: random() < 0.8 ? 'valid' : random() < 0.5 ? 'expired' : 'repealed',
      documentType: kind >= 0.6 && kind < 0.72 ? 'interpretation' : random() < 0.4 ? 'policy' : 'other',
    };
  }
}
