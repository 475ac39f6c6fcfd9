/**
 * When two requests seek the same information (条例 第四十四条第一款 “多个申请人就相同政府信息向同一
 * 行政机关提出公开申请”), judged from the words of the information sought. Pure: the words come in as
 * the search index's jieba terms (src/search/segment.ts `indexTerms`: jieba words, Han words of three
 * or more characters as their two-character pieces, a number with its unit as one more term).
 *
 * The measure, documented in docs/requests.md:
 *
 * 1. A request's terms are its index terms without request boilerplate (STOP_TERMS: 申请, 公开, 信息,
 *    本区, 情况, …) and without single Han characters, as a set (src/search/request-terms.ts first
 *    joins a run of single characters jieba left of an unknown name: 草庙子镇).
 * 2. Each term weighs its rarity in the agency's requests of the period, w(t) = ln(1 + N / df(t)) (N
 *    requests, df(t) of them use t): a word every request uses (资金, 明细) says little about which
 *    information is meant, a rare one (低保, 医保) says much.
 * 3. Two requests seek the same information when (a) what one of them asks for is, by weight, at
 *    least CONTAINMENT_THRESHOLD (0.9) named by the other too — the shared terms' weight over the
 *    lighter set's weight (a request may ask for more: 环评报告 and 环评报告及批复文件 share the report);
 *    and what the lighter one leaves out are only common words (used by at least one request in ten,
 *    COMMON_SHARE): one rare word swapped (低保/医保, 预算/决算, 东山/西山 街道, another village) is
 *    another information, however long the rest (学校食堂食品安全检查结果 of 和平村 or of 前进村);
 *    (b) they are alike overall: the weighted Jaccard (shared weight over the weight of all terms of
 *    either) is at least SIMILARITY_THRESHOLD (0.5), so a two-word request is not “contained” in every
 *    long one; and (c) they name no different years: requests for 2024's and 2025's budget are
 *    different information however alike the words. Paraphrases with other words
 *    (环境影响评价 / 环评) are missed: the proposal is a suggestion to staff, so it errs on precision.
 * 4. Groups form around leaders: the requests are taken from the most specific (heaviest set) down;
 *    each joins the group whose leader it is most alike among those it is the same information as, or
 *    leads a group of its own. Not “connected components”: a vague request (2026年土地征收批复文件,
 *    no place) is the same as each village's, and would chain every village into one group.
 *
 * For speed (5,000 requests well under a second, bench/proposals.ts) a request is only compared with
 * the leaders that use its rarest term when that one is rare (a leader is at least as heavy, so it
 * must not lack a rare term of the request); a request of common words only is compared with the
 * leaders that use a term of its prefix — its rarest terms until what remains weighs less than the
 * Jaccard threshold's share (two sets with a weighted Jaccard ≥ t share weight ≥ t of each set, so
 * they share a term of that prefix). No alike leader is missed.
 */

/** Words of the request form rather than of the information: dropped before comparing. */
export const STOP_TERMS: ReadonlySet<string> = new Set([
  '申请',
  '公开',
  '依申请',
  '政府',
  '信息',
  '请求',
  '要求',
  '提供',
  '获取',
  '查询',
  '相关',
  '有关',
  '关于',
  '本人',
  '我家',
  '我们',
  '本区',
  '本市',
  '本县',
  '本镇',
  '贵局',
  '贵单位',
  '贵机关',
  '贵委',
  '情况',
  '资料',
  '材料',
  '文件',
  '内容',
  '复印',
  '印件',
  '复印件',
  '副本',
  '全部',
  '具体',
  '年度',
  '所在',
  '以及',
  '包括',
  '所有',
]);

/** Weighted Jaccard at or above which two requests may be the same information. */
export const SIMILARITY_THRESHOLD = 0.5;

/** Share of the lighter request's weight the other must name too. */
export const CONTAINMENT_THRESHOLD = 0.9;

/** A term used by at least this share of the requests is common: the lighter request may leave it out. */
export const COMMON_SHARE = 0.1;

/** A year a request names: a four-digit number from 1949 to 2099. */
const YEAR = /^(19[4-9]\d|20\d\d)$/;

/** The terms a request is compared by: its index terms without boilerplate and single Han characters. */
export function comparableTerms(indexTerms: readonly string[]): string[] {
  const kept = new Set<string>();
  for (const term of indexTerms) {
    if (STOP_TERMS.has(term)) continue;
    if (term.length === 1 && /\p{Script=Han}/u.test(term)) continue;
    kept.add(term);
  }
  return [...kept];
}

/** The years a request names, sorted and joined ('' when none). */
export function yearsNamed(terms: readonly string[]): string {
  return [...new Set(terms.filter((t) => YEAR.test(t)))].sort().join(',');
}

/** Whether two requests name different years (each naming at least one). */
function yearsDiffer(a: string, b: string): boolean {
  return a !== '' && b !== '' && a !== b;
}

/** One request as the grouping sees it. */
export interface TermDocument {
  id: number;
  /** comparableTerms of the information sought */
  terms: readonly string[];
}

interface Prepared {
  id: number;
  /** term indexes in the global order (rarest first) */
  terms: number[];
  total: number;
  years: string;
}

/** How alike two documents are: weighted Jaccard, containment of the lighter one, what it leaves out. */
export interface Likeness {
  jaccard: number;
  containment: number;
  /** the weight of the heaviest term of the lighter document that the other lacks (0: none) */
  heaviestLeftOut: number;
}

function likeness(a: Prepared, b: Prepared, weight: Float64Array): Likeness {
  let shared = 0;
  let aOut = 0;
  let bOut = 0;
  let i = 0;
  let j = 0;
  while (i < a.terms.length || j < b.terms.length) {
    const x = i < a.terms.length ? a.terms[i] : Number.POSITIVE_INFINITY;
    const y = j < b.terms.length ? b.terms[j] : Number.POSITIVE_INFINITY;
    if (x === y) {
      shared += weight[x];
      i++;
      j++;
    } else if (x < y) {
      aOut = Math.max(aOut, weight[x]);
      i++;
    } else {
      bOut = Math.max(bOut, weight[y]);
      j++;
    }
  }
  const union = a.total + b.total - shared;
  const aLighter = a.total <= b.total;
  const lighter = aLighter ? a.total : b.total;
  return {
    jaccard: union === 0 ? 0 : shared / union,
    containment: lighter === 0 ? 0 : shared / lighter,
    heaviestLeftOut: aLighter ? aOut : bOut,
  };
}

/** The weight of a term used by COMMON_SHARE of the requests (w = ln(1 + 1/share)): heavier ones are rare. */
const COMMON_WEIGHT = Math.log(1 + 1 / COMMON_SHARE) + 1e-9;

/** The weighted Jaccard of two documents that seek the same information, else null. */
function same(a: Prepared, b: Prepared, weight: Float64Array, threshold: number): number | null {
  if (yearsDiffer(a.years, b.years)) return null;
  const { jaccard, containment, heaviestLeftOut } = likeness(a, b, weight);
  if (heaviestLeftOut > COMMON_WEIGHT) return null;
  return jaccard >= threshold && containment >= CONTAINMENT_THRESHOLD ? jaccard : null;
}

/** How alike two documents of a corpus are (for tests and explanations). */
export function likenessIn(corpus: readonly TermDocument[], a: number, b: number): Likeness {
  const { docs, weight } = prepare(corpus);
  const da = docs.find((d) => d.id === a);
  const db = docs.find((d) => d.id === b);
  if (!da || !db) throw new Error(`no document ${da ? b : a}`);
  return likeness(da, db, weight);
}

function prepare(corpus: readonly TermDocument[]): { docs: Prepared[]; weight: Float64Array } {
  const df = new Map<string, number>();
  for (const doc of corpus) for (const term of new Set(doc.terms)) df.set(term, (df.get(term) ?? 0) + 1);
  // Global order: rarest first, then by the term itself, so prefixes are short and stable.
  const order = [...df.keys()].sort(
    (x, y) => (df.get(x) ?? 0) - (df.get(y) ?? 0) || (x < y ? -1 : x > y ? 1 : 0),
  );
  const indexOf = new Map(order.map((t, i) => [t, i]));
  const n = corpus.length;
  const weight = new Float64Array(order.length);
  order.forEach((t, i) => {
    weight[i] = Math.log(1 + n / (df.get(t) ?? 1));
  });
  const docs = corpus.map((doc) => {
    const terms = [...new Set(doc.terms)].map((t) => indexOf.get(t) ?? 0).sort((x, y) => x - y);
    let total = 0;
    for (const t of terms) total += weight[t];
    return { id: doc.id, terms, total, years: yearsNamed(doc.terms) };
  });
  return { docs, weight };
}

/** How many of a document's first terms must be indexed so that no similar pair is missed. */
function prefixLength(doc: Prepared, weight: Float64Array, threshold: number): number {
  let remaining = doc.total;
  let k = 0;
  while (k < doc.terms.length && remaining >= threshold * doc.total) {
    remaining -= weight[doc.terms[k]];
    k++;
  }
  return k;
}

/**
 * The requests grouped by the information they seek: each group's ids ascending, groups ordered by
 * their first id; requests like no other are left out. `threshold` defaults to SIMILARITY_THRESHOLD.
 */
export function groupBySimilarity(
  corpus: readonly TermDocument[],
  threshold = SIMILARITY_THRESHOLD,
): number[][] {
  const { docs, weight } = prepare(corpus);
  const order = docs
    .map((_, i) => i)
    .filter((i) => docs[i].terms.length > 0)
    .sort((x, y) => docs[y].total - docs[x].total || docs[x].id - docs[y].id);
  /** term → the leaders that use it */
  const postings = new Map<number, number[]>();
  const groups = new Map<number, number[]>();
  for (const i of order) {
    const doc = docs[i];
    // Leaders come first (heavier), so `doc` is the lighter of each pair: the leader must use its
    // rarest term if that one is rare (a rare term left out is another information); otherwise
    // (only common terms) it shares a term of doc's prefix (the prefix filter).
    const probe = weight[doc.terms[0]] > COMMON_WEIGHT ? 1 : prefixLength(doc, weight, threshold);
    const seen = new Set<number>();
    let best = -1;
    let bestJaccard = -1;
    for (let p = 0; p < probe; p++) {
      for (const leader of postings.get(doc.terms[p]) ?? []) {
        if (seen.has(leader)) continue;
        seen.add(leader);
        const alike = same(doc, docs[leader], weight, threshold);
        if (alike === null || alike <= bestJaccard) continue;
        best = leader;
        bestJaccard = alike;
      }
    }
    if (best >= 0) {
      groups.get(best)?.push(doc.id);
      continue;
    }
    groups.set(i, [doc.id]);
    for (const term of doc.terms) {
      const list = postings.get(term);
      if (list) list.push(i);
      else postings.set(term, [i]);
    }
  }
  return [...groups.values()]
    .filter((g) => g.length > 1)
    .map((g) => g.sort((x, y) => x - y))
    .sort((x, y) => x[0] - y[0]);
}
