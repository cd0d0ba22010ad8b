// A synthetic help center for the scale benchmark (`npm run bench:scale`) and the
// 2,000-article build test: N articles recombined from the shipped ones (their answer
// sections, aliases and the products' vocabulary), spread over one category per ~180
// articles, written into a throw-away copy of the project. Every file passes the
// content schema (src/lib/content/schemas.ts): titles, summaries and aliases within
// their lengths, `related` naming generated articles, real dates. The real content/ is
// only read. Seeded, so the same N gives the same corpus.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Articles per generated category, about what the issue's measurements used (56 at 10 k). */
export const ARTICLES_PER_CATEGORY = 180;

/** What was generated, for the checks that follow a build. */
export interface Corpus {
  dir: string;
  categories: { id: string; name: string; articles: string[] }[];
  /** Each generated article's slug, category and the alias that only it carries. */
  articles: { slug: string; category: string; title: string; code: string }[];
}

/**
 * A copy of the project in a new temporary directory (or `dir`): sources, content,
 * public files and config. Its node_modules/ is a directory of links to this checkout's
 * packages, not a link to the whole folder: Astro and Vite keep their caches in
 * node_modules/.astro and .vite, which each copy must have to itself (two builds
 * sharing Astro's content store render each other's articles).
 */
export function projectCopy(dir = mkdtempSync(join(tmpdir(), 'wenda-scale-'))): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  for (const entry of ['src', 'content', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
    cpSync(join(projectRoot, entry), join(dir, entry), { recursive: true });
  }
  for (const name of readdirSync(join(projectRoot, 'node_modules'))) {
    if (name === '.astro' || name === '.vite') continue;
    symlinkSync(join(projectRoot, 'node_modules', name), join(dir, 'node_modules', name));
  }
  return dir;
}

/** Mulberry32: small, seeded, good enough to pick words. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  return { next, pick, int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)) };
}

const PRODUCTS = [
  ['企点客服', 'kf'], ['企点营销', 'yx'], ['账户中心', 'zh'], ['呼叫中心', 'hj'], ['工单系统', 'gd'], ['智能机器人', 'jqr'],
  ['网页接待', 'wy'], ['数据报表', 'bb'], ['移动端', 'yd'], ['知识库', 'zsk'], ['企业 QQ', 'qq'], ['开放平台', 'kf2'], ['质检', 'zj'], ['计费与发票', 'jf'],
] as const;
const AREAS = [
  ['账号', 'account'], ['权限', 'role'], ['设置', 'settings'], ['消息', 'message'], ['统计', 'stats'], ['接入', 'access'], ['常见故障', 'trouble'],
  ['购买与续费', 'billing'], ['安全', 'security'], ['客户资料', 'customer'],
] as const;
const OBJECTS = [
  '管理员账号', '普通工号', '机器人', '会话记录', '接待组件', '企业资料', '客服工号', '消息记录', '对话包', '访客咨询', '自动回复', '满意度评价',
  '快捷回复', '客户标签', '排队规则', '离线留言', '工作时间', '转接规则', '黑名单', '公众号授权', '小程序接入', '客户群', '来电弹屏', '通话录音',
  '坐席状态', '质检规则', '工单模板', '发票抬头', '套餐余量', '子账号', '登录设备', '二次验证',
];
const TEMPLATES = [
  '如何设置{o}？', '{o}怎么修改？', '为什么{o}不能用？', '{o}在哪里查看？', '{o}有什么限制？', '怎样批量导出{o}？', '{o}过期了怎么办？',
  '{o}可以转给别人吗？', '{o}没有生效怎么办？', '删除{o}后还能恢复吗？', '{o}最多能有多少个？', '{o}显示异常怎么处理？', '手机上能管理{o}吗？',
  '谁有权限修改{o}？', '{o}会收费吗？',
];
const QUALIFIERS = ['', '', '', '（电脑端）', '（手机端）', '（网页版）', '（新版后台）'];
const INTROS = [
  '这个问题通常出现在刚开通或刚调整过配置之后，先按下面的说明逐项检查。',
  '下面是完整的操作说明；如果界面和文中不一致，请先把客户端升级到最新版本。',
  '处理前请确认你登录的是管理员账号，普通工号看不到部分设置项。',
  '很多企业在这一步遇到过同样的情况，大部分都能在几分钟内自行解决。',
  '以下说明同时适用于电脑端和网页版，手机端的入口位置略有不同。',
];

interface Source {
  slug: string;
  aliases: string[];
  summary: string;
  /** The body's blocks: paragraphs, lists, headed sections, whole Callouts. */
  blocks: string[];
}

/** The shipped articles whose bodies use no component but Callout (the tools are one page each). */
function shippedSources(): Source[] {
  const dir = join(projectRoot, 'content/faq');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .map((file) => {
      const text = readFileSync(join(dir, file), 'utf8');
      const [, front = '', body = ''] = text.split(/^---$/m);
      const aliases = [...front.matchAll(/^ {2}- (.+)$/gm)].map((m) => m[1]!.trim());
      const summary = /^summary: (.+)$/m.exec(front)?.[1]?.trim() ?? '';
      const blocks: string[] = [];
      let open: string[] | undefined;
      for (const part of body.trim().split(/\n{2,}/)) {
        if (open) {
          open.push(part);
          if (part.includes('</Callout>')) {
            blocks.push(open.join('\n\n'));
            open = undefined;
          }
        } else if (part.startsWith('<Callout') && !part.includes('</Callout>')) open = [part];
        else blocks.push(part);
      }
      return { slug: file.slice(0, -4), aliases, summary, blocks };
    })
    .filter((s) => s.blocks.every((b) => !/<(?!Callout|\/Callout)[A-Z]/.test(b)));
}

const yamlString = (s: string) => JSON.stringify(s);

const CALLOUT_LABELS: Record<string, string> = { caution: '注意', note: '说明', tip: '提示' };

/** The body as plain Markdown: each Callout a quote block headed by its label. */
function asMarkdown(body: string): string {
  return body.replace(/<Callout type="(\w+)">\n\n([\s\S]*?)\n\n<\/Callout>/g, (_, type: string, inner: string) =>
    [`**${CALLOUT_LABELS[type] ?? '说明'}**`, '', inner].join('\n').split('\n').map((line) => (line ? `> ${line}` : '>')).join('\n'),
  );
}

/**
 * Writes `n` articles and their categories into the project copy at `dir`
 * (content/faq/, content/categories/), next to the shipped ones.
 */
export function generateCorpus(dir: string, n: number, { seed = 20, markdown = false }: { seed?: number; markdown?: boolean } = {}): Corpus {
  const rnd = random(seed);
  const sources = shippedSources();
  if (sources.length === 0) throw new Error('no shipped article to recombine');
  const categoryCount = Math.max(1, Math.round(n / ARTICLES_PER_CATEGORY));
  const categories: Corpus['categories'] = [];
  for (let c = 0; c < categoryCount; c++) {
    const [product, p] = PRODUCTS[c % PRODUCTS.length]!;
    const [area, a] = AREAS[Math.floor(c / PRODUCTS.length) % AREAS.length]!;
    const round = Math.floor(c / (PRODUCTS.length * AREAS.length));
    const id = `${p}-${a}${round ? `-${round + 1}` : ''}`;
    const name = `${product} · ${area}${round ? ` ${round + 1}` : ''}`;
    categories.push({ id, name, articles: [] });
    writeFileSync(
      join(dir, 'content/categories', `${id}.json`),
      `${JSON.stringify({ name, description: `${product}的${area}问题：常见操作、限制和故障处理。`, order: 10 + c }, null, 2)}\n`,
    );
  }
  const articles: Corpus['articles'] = [];
  for (let i = 0; i < n; i++) {
    const category = categories[i % categoryCount]!;
    const slug = `${category.id}-q${String(i + 1).padStart(5, '0')}`;
    category.articles.push(slug);
    articles.push({ slug, category: category.id, title: '', code: `E${String(100000 + i)}` });
  }
  for (let i = 0; i < n; i++) {
    const article = articles[i]!;
    const category = categories[i % categoryCount]!;
    const product = category.name.split(' · ')[0]!;
    const main = rnd.pick(sources);
    const other = rnd.pick(sources);
    const object = rnd.pick(OBJECTS);
    const title = `${product}${rnd.pick(TEMPLATES).replace('{o}', object)}${rnd.pick(QUALIFIERS)}`.slice(0, 60);
    article.title = title;
    const aliases = [
      ...new Set([`${object}怎么弄`, `${product}${object}`, ...main.aliases.filter(() => rnd.next() < 0.5).slice(0, 6), `错误码 ${article.code}`]),
    ];
    const siblings = category.articles;
    const position = siblings.indexOf(article.slug);
    const related = [siblings[position + 1], siblings[position + 2], siblings[position - 1]].filter((s): s is string => !!s).slice(0, rnd.int(0, 3));
    const extra = other.blocks.filter((b) => !b.startsWith('#') && !b.startsWith('<')).slice(0, 1);
    const body = [rnd.pick(INTROS), ...main.blocks, ...(other === main ? [] : extra)].join('\n\n');
    const summary = `${object}：${main.summary}`.slice(0, 160);
    const day = `${rnd.int(2023, 2025)}-${String(rnd.int(1, 12)).padStart(2, '0')}-${String(rnd.int(1, 28)).padStart(2, '0')}`;
    const front = [
      `title: ${yamlString(title)}`,
      `category: ${category.id}`,
      `summary: ${yamlString(summary)}`,
      'aliases:',
      ...aliases.map((a) => `  - ${yamlString(a)}`),
      `updated: ${day}`,
      `related: [${related.join(', ')}]`,
      `order: ${position + 1}`,
      `popular: ${position < 2}`,
    ];
    const text = markdown ? asMarkdown(body) : body;
    writeFileSync(join(dir, 'content/faq', `${article.slug}.${markdown ? 'md' : 'mdx'}`), `---\n${front.join('\n')}\n---\n\n${text}\n`);
  }
  return { dir, categories, articles };
}
