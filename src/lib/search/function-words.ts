// Words that carry the grammar of a customer's question, not what it is about: 怎么 in
// 普通员工怎么进后台, 的 and 吗 in 用不完的次数会作废吗. Searched for, they find every
// article (or none), so the second search (src/lib/search/words.ts) leaves them out.

/** Question words, particles, pronouns and helpers, as Intl.Segmenter cuts them. */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set([
  // particles and helpers
  ...'的 地 得 了 着 过 吗 呢 吧 啊 呀 嘛 么 哦 噢 哈 啦 是 有 在 会 要 想 能 可 可以 能够 就 都 也 还 又 再 很 太 和 与 及 或 跟 把 被 让 给 对 从 到 向 用 以 而 但 并 还是 或者 如果 因为 所以 然后 已经 一直 一下 一个 一些 这个 那个 这些 那些 这样 那样 这种 那种 这里 那里 里 中 上 时 时候 后 之后 以后 之前 以前'.split(' '),
  // question words
  ...'怎么 怎样 怎么样 怎么办 怎么回事 如何 为什么 为何 什么 啥 哪 哪里 哪儿 哪个 哪些 在哪 在哪里 多少 几 多久 多长时间 是否 是不是 能不能 可不可以 会不会 有没有 要不要 行不行 吗'.split(' '),
  // pronouns and politeness
  ...'我 我们 我的 你 你们 您 他 她 它 他们 自己 大家 请问 请 麻烦 谢谢 你好 您好 一下子'.split(' '),
  // English
  ...'a an the to of in on for and or is are be can could how what why where when do does i my me you we it this that with'.split(' '),
]);

export const isFunctionWord = (word: string): boolean => FUNCTION_WORDS.has(word.toLowerCase());
