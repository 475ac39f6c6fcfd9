/**
 * The words of a question that say nothing about what is sought (我想了解…的…, 请问怎么…, 关于…):
 * dropped from what a person types before it is searched, so a sentence finds what its content
 * words find. Only at query time (the index keeps every word), never inside quotes, and never all
 * of a query: a query made only of these words is searched as typed.
 *
 * The list is kept here, one place, in the order of the kinds of words it holds; a word is matched
 * against a jieba word or a run of single characters jieba left apart (我想 → 我/想).
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  // who asks and what they want
  '我',
  '我们',
  '本人',
  '我想',
  '想',
  '想要',
  '要',
  '我要',
  '需要',
  '希望',
  '了解',
  '知道',
  '查询',
  '查找',
  '查看',
  '查',
  '找',
  '咨询',
  '看看',
  '一下',
  // how they ask
  '请问',
  '请',
  '麻烦',
  '怎么',
  '怎样',
  '怎么样',
  '如何',
  '什么',
  '哪些',
  '哪里',
  '哪个',
  '是否',
  '能否',
  '可以',
  '能',
  '有没有',
  '有',
  '吗',
  '呢',
  '吧',
  '啊',
  // joining words
  '关于',
  '有关',
  '相关',
  '的',
  '地',
  '得',
  '和',
  '与',
  '及',
  '或',
]);

/** Whether a word (normalised, Han) is a stop word. */
export const isStopWord = (word: string): boolean => STOP_WORDS.has(word);
