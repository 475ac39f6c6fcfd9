/**
 * Proposals to publish proactively (主动公开), 条例 第四十四条:
 *
 * // 条例 第四十四条：“多个申请人就相同政府信息向同一行政机关提出公开申请，且该政府信息属于可以公开的，
 * // 行政机关可以纳入主动公开的范围。”
 * // 条例 第四十四条：“对行政机关依申请公开的政府信息，申请人认为涉及公众利益调整、需要公众广泛知晓或者
 * // 需要公众参与决策的，可以建议行政机关将该信息纳入主动公开的范围。行政机关经审核认为属于主动公开范围
 * // 的，应当及时主动公开。”
 *
 * Pure. The requests of a period are grouped by the information sought (similarity.ts). A group is a
 * proposal (`same_information`) when
 * - at least two DISTINCT applicants asked: an applicant is known by their ID document (type and
 *   number, 第二十九条 “身份证明”), else by name and phone; a request whose applicant cannot be told
 *   (an imported record without applicant) adds no applicant; and
 * - the information 属于可以公开的: at least one of its requests was decided 予以公开 or 部分公开.
 *   Undecided requests stay in the group and count their applicants (they asked for it), but cannot
 *   make it disclosable by themselves; a group with no such decision yet is not proposed until one is.
 * A request whose applicant suggested publication (第二款) is a proposal (`suggestion`) with its group
 * (or alone) even with a single applicant, marked as such, whether or not it was disclosed yet.
 *
 * A proposal once decided (纳入: a draft item opened; 不纳入: with a reason) is keyed by its requests:
 * a group whose requests are all covered by 不纳入 decisions does not come back; one with a request
 * linked to an item shows that item.
 */
import type { Outcome } from '../../report/vocabulary.ts';
import { groupBySimilarity, type TermDocument } from './similarity.ts';

/** One request as the proposals see it. */
export interface ProposalRequest {
  id: number;
  /** comparableTerms of the information sought */
  terms: readonly string[];
  /** who asked (applicantKey), null when it cannot be told */
  applicant: string | null;
  outcome: Outcome | null;
  /** the decision's legal basis (a36.1: already published proactively) */
  basis: string | null;
  /** the applicant suggested publication (第四十四条第二款) */
  suggested: boolean;
}

/** A decision taken on a proposal. */
export interface ProposalDecision {
  requestIds: readonly number[];
  result: 'included' | 'not_included';
  itemId: number | null;
}

export type ProposalKind = 'same_information' | 'suggestion';
export type ProposalStatus = 'open' | 'included' | 'not_included';

export interface Proposal {
  kind: ProposalKind;
  /** ascending */
  requestIds: number[];
  /** distinct applicants who asked */
  applicants: number;
  /** some request decided 予以公开 or 部分公开 */
  disclosable: boolean;
  /** some request answered 已主动公开 (第三十六条第（一）项): it is public already */
  alreadyPublished: boolean;
  /** requests not yet decided */
  undecided: number;
  /** requests whose applicant suggested publication */
  suggestedBy: number[];
  /** terms every request of the group uses, in the first request's order */
  commonTerms: string[];
  status: ProposalStatus;
  /** items opened for it (纳入) */
  itemIds: number[];
}

/** Who an applicant is, from the stored application (第二十九条): the ID document (its keyed hash, or a plain number of a record not yet sealed), else name and phone. */
export function applicantKey(
  applicant: {
    idType?: string;
    idNumber?: string;
    /** the keyed hash of the sealed number (crypto/applicant-id.ts): numbers are stored sealed */
    idHash?: string;
    name?: string;
    phone?: string;
  } | null,
): string | null {
  if (!applicant) return null;
  if (applicant.idHash) return `idh:${applicant.idHash}`;
  const id = (applicant.idNumber ?? '').replace(/\s+/g, '').toUpperCase();
  if (id) return `id:${applicant.idType ?? ''}:${id}`;
  const name = (applicant.name ?? '').trim();
  const phone = (applicant.phone ?? '').replace(/\D+/g, '');
  return name && phone ? `contact:${name}:${phone}` : null;
}

const DISCLOSED: ReadonlySet<string> = new Set(['granted', 'partial']);

function commonTerms(members: readonly ProposalRequest[]): string[] {
  const [first, ...rest] = members;
  const sets = rest.map((m) => new Set(m.terms));
  return first.terms.filter((t) => sets.every((s) => s.has(t)));
}

function statusOf(
  ids: readonly number[],
  decisions: readonly ProposalDecision[],
): { status: ProposalStatus; itemIds: number[] } {
  const itemIds = [
    ...new Set(
      decisions
        .filter(
          (d) => d.result === 'included' && d.itemId !== null && d.requestIds.some((id) => ids.includes(id)),
        )
        .map((d) => d.itemId as number),
    ),
  ].sort((a, b) => a - b);
  if (itemIds.length > 0) return { status: 'included', itemIds };
  const declined = new Set(decisions.filter((d) => d.result === 'not_included').flatMap((d) => d.requestIds));
  return { status: ids.every((id) => declined.has(id)) ? 'not_included' : 'open', itemIds };
}

function proposalOf(
  kind: ProposalKind,
  members: ProposalRequest[],
  decisions: readonly ProposalDecision[],
): Proposal {
  const ids = members.map((m) => m.id).sort((a, b) => a - b);
  const applicants = new Set(members.map((m) => m.applicant).filter((a): a is string => a !== null));
  return {
    kind,
    requestIds: ids,
    applicants: applicants.size,
    disclosable: members.some((m) => m.outcome !== null && DISCLOSED.has(m.outcome)),
    alreadyPublished: members.some((m) => m.basis === 'a36.1'),
    undecided: members.filter((m) => m.outcome === null).length,
    suggestedBy: members.filter((m) => m.suggested).map((m) => m.id),
    commonTerms: commonTerms(members),
    ...statusOf(ids, decisions),
  };
}

/**
 * The proposals among an agency's requests of a period: qualifying groups (`same_information`) and
 * suggestions outside them (`suggestion`), in the order of their first request; each with its status
 * from the decisions taken. Decided-against proposals are included (status `not_included`): the
 * caller shows or hides them.
 */
export function findProposals(
  requests: readonly ProposalRequest[],
  decisions: readonly ProposalDecision[],
  threshold?: number,
): Proposal[] {
  const byId = new Map(requests.map((r) => [r.id, r]));
  const docs: TermDocument[] = requests.map((r) => ({ id: r.id, terms: r.terms }));
  const groups = groupBySimilarity(docs, threshold);
  const proposals: Proposal[] = [];
  const covered = new Set<number>();
  const groupOf = new Map<number, ProposalRequest[]>();
  for (const ids of groups) {
    const members = ids.map((id) => byId.get(id) as ProposalRequest);
    for (const m of members) groupOf.set(m.id, members);
    const proposal = proposalOf('same_information', members, decisions);
    if (proposal.applicants >= 2 && proposal.disclosable) {
      proposals.push(proposal);
      for (const id of ids) covered.add(id);
    }
  }
  for (const request of requests) {
    if (!request.suggested || covered.has(request.id)) continue;
    const members = groupOf.get(request.id) ?? [request];
    for (const m of members) covered.add(m.id);
    proposals.push(proposalOf('suggestion', members, decisions));
  }
  return proposals.sort((a, b) => a.requestIds[0] - b.requestIds[0]);
}

/** The key a decision is stored under: its requests' ids ascending, comma-joined. */
export function proposalKey(requestIds: readonly number[]): string {
  return [...new Set(requestIds)].sort((a, b) => a - b).join(',');
}

/** Words of the request form that open or close the information sought, stripped from a title. */
const TITLE_PREFIXES = [
  '本人',
  '我们',
  '我',
  '申请人',
  '依法',
  '申请',
  '请求',
  '要求',
  '请',
  '公开',
  '提供',
  '获取',
  '查阅',
  '关于',
];
const TITLE_SUFFIXES = [
  '复印件',
  '副本',
  '政府信息',
  '信息',
  '资料',
  '材料',
  '文件全文',
  '全文',
  '相关',
  '有关',
  '的',
];

/**
 * A title for the draft item: the first request's information sought without the form's words
 * (申请公开, 请提供, 本人申请获取, 关于 …的政府信息, …的复印件), at most 100 characters.
 */
export function draftTitle(information: string): string {
  let title = information.trim().replace(/[。.；;！!，,\s]+$/u, '');
  for (let changed = true; changed; ) {
    changed = false;
    for (const word of TITLE_PREFIXES)
      if (title.startsWith(word) && title.length > word.length + 1) {
        title = title.slice(word.length);
        changed = true;
      }
    for (const word of TITLE_SUFFIXES)
      if (title.endsWith(word) && title.length > word.length + 1) {
        title = title.slice(0, -word.length);
        changed = true;
      }
  }
  return [...(title.trim() || information.trim())].slice(0, 100).join('');
}
