/**
 * The punctuation of what staff type into a letter: a text that ends a paragraph ends with a full
 * stop (once: “经审查。” not “经审查” nor “经审查。。”), a text set inside a sentence has none of its
 * own (“因……，本机关不能……”). The sentences around them bring their own.
 */
import type { LetterData } from './letter-data.ts';

const CLAUSE_END = /[\s。；，、：.;,:]+$/u;
/** Ends that stand as they are: a question or exclamation, a quotation closed after its full stop. */
const SENTENCE_END = /(?:[！？]|[。！？][”’」』])$/u;

/** A text inside a sentence: trimmed, without closing punctuation. */
export function asClause(text: string): string {
  return text.trim().replace(CLAUSE_END, '');
}

/** A text that ends a paragraph: trimmed, ending in one full stop (or ？/！). */
export function asSentence(text: string): string {
  const trimmed = text.trim();
  if (!trimmed || SENTENCE_END.test(trimmed)) return trimmed;
  const clause = asClause(trimmed);
  return clause ? `${clause}。` : '';
}

const sentence = (text: string | undefined): string | undefined =>
  text === undefined ? undefined : asSentence(text);

/** The letter's staff-written texts punctuated for where the templates set them. */
export function tidyLetterData(data: LetterData): LetterData {
  const { correction, consultation, extension, fee, answer, provision, correctionAnswer } = data;
  return {
    ...data,
    ...(correction ? { correction: { ...correction, items: correction.items.map(asSentence) } } : {}),
    ...(consultation
      ? { consultation: { ...consultation, question: asSentence(consultation.question) } }
      : {}),
    ...(extension ? { extension: { ...extension, reason: asClause(extension.reason) } } : {}),
    ...(fee ? { fee: { ...fee, howToPay: asSentence(fee.howToPay) } } : {}),
    ...(provision
      ? {
          provision: {
            ...provision,
            how: sentence(provision.how),
            formLabel: provision.formLabel === undefined ? undefined : asClause(provision.formLabel),
            time: provision.time === undefined ? undefined : asClause(provision.time),
            place: provision.place === undefined ? undefined : asClause(provision.place),
            contact: provision.contact === undefined ? undefined : asClause(provision.contact),
          },
        }
      : {}),
    ...(answer
      ? {
          answer: {
            ...answer,
            reasons: sentence(answer.reasons),
            delivery: sentence(answer.delivery),
            items: answer.items?.map((item) => ({ ...item, reason: sentence(item.reason) })),
          },
        }
      : {}),
    ...(correctionAnswer
      ? { correctionAnswer: { ...correctionAnswer, reason: sentence(correctionAnswer.reason) } }
      : {}),
  };
}
