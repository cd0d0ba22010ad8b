// The operator's price list of robot licences and conversation packs, and the yuan/fen conversions for its money.
import { z } from 'zod';
import { MAX_PACK_SEARCH_SIZE, bestValueIndex, packSearchSize } from './pack-choice.ts';

const MAX_YUAN = 100_000_000;

const grouped = (n: number) => n.toLocaleString('en-US');

/** Object-level message: names an unknown (often misspelt) field instead of zod's English. */
export const unknownField = (what: string) => ({
  error: (issue: z.core.$ZodRawIssue) =>
    issue.code === 'unrecognized_keys'
      ? `${what}中有不支持的字段：${issue.keys.join('、')}`
      : `${what}必须是一个 JSON 对象`,
});

/** Yuan to integer fen; money is summed in fen so totals carry no float noise. */
export function toFen(yuan: number): number {
  return Math.round(yuan * 100);
}

/** Integer fen to yuan, done once per figure shown so it prints with at most two decimals. */
export function toYuan(fen: number): number {
  return fen / 100;
}

// A round trip through fen is exact precisely for numbers written with at most two decimals,
// because fen/100 is the double nearest to that decimal. A price below the minimum stops
// there: -12.345 is told it must be positive, not also that it has too many decimals.
const yuan = (min: number, tooLow: string) =>
  z
    .number('金额必须是数字（单位：元）')
    .min(min, { error: tooLow, abort: true })
    .max(MAX_YUAN, '金额不能超过 100,000,000 元')
    .refine((value) => toYuan(toFen(value)) === value, '金额最多保留两位小数（精确到分）');

/** One conversation pack the customer may buy on top of the licences. */
export const packSchema = z.strictObject(
  {
    /** Stable id used by the API and the page, e.g. `pack-10k`. */
    id: z
      .string('套餐 id 必须是文本')
      .regex(/^[a-z0-9-]{1,40}$/, '套餐 id 只能用小写字母、数字和短横线，最长 40 个字符，如 pack-10k'),
    /** Chinese display name, e.g. 1 万次对话包. */
    name: z.string('套餐名称必须是文本').min(1, '套餐名称不能为空').max(30, '套餐名称最长 30 个字'),
    /** Conversations the pack adds to the balance. */
    conversations: z
      .int('对话次数必须是整数')
      .min(1_000, '套餐对话次数须在 1,000 到 100,000,000 之间')
      .max(100_000_000, '套餐对话次数须在 1,000 到 100,000,000 之间'),
    /** Price in yuan, at most two decimals. */
    price: yuan(0.01, '套餐价格必须大于 0 元（至少 0.01 元）'),
  },
  unknownField('套餐'),
);

/** The price list, `content/price-list.sample.json` or the operator's own file. */
export const priceListSchema = z.strictObject(
  {
    /** Which edition of the prices, shown with every estimate, e.g. 2026-11-sample. */
    version: z.string('版本必须是文本').min(1, '版本不能为空').max(40, '版本最长 40 个字符'),
    /** Currency of every price; only renminbi is supported. */
    currency: z.literal('CNY', '币种只能是 CNY（人民币）'),
    /** True for the shipped sample, so the page labels the figures 示例价格. */
    sample: z.boolean('sample 必须是 true 或 false'),
    /** Conversations included with each one-year robot licence. */
    includedConversationsPerRobotYear: z
      .int('每个机器人每年包含的对话次数必须是整数')
      .min(0, '每个机器人每年包含的对话次数须在 0 到 100,000,000 之间')
      .max(100_000_000, '每个机器人每年包含的对话次数须在 0 到 100,000,000 之间'),
    /** Price of one robot licence for one year, in yuan. */
    robotLicencePerYear: yuan(0, '机器人年费不能为负数'),
    /** Conversation packs on sale, at least one. */
    packs: z
      .array(packSchema, '套餐列表必须是数组')
      .min(1, '至少要有一个对话包套餐')
      .max(10, '最多 10 个对话包套餐')
      .superRefine((packs, ctx) => {
        // Refinements run even when a pack failed its own checks, so look only at sound values.
        const seen = new Set<string>();
        packs.forEach((pack, i) => {
          if (typeof pack?.id !== 'string') return;
          if (seen.has(pack.id)) {
            ctx.addIssue({
              code: 'custom',
              path: [i, 'id'],
              message: `套餐 id「${pack.id}」重复，每个套餐的 id 必须不同`,
            });
          }
          seen.add(pack.id);
        });
        // Bounds the exact pack search (see pack-choice.ts), so every estimate stays fast.
        if (!packs.every((pack) => packSchema.safeParse(pack).success)) return;
        const priced = packs.map((p) => ({ conversations: p.conversations, priceFen: toFen(p.price) }));
        const size = packSearchSize(priced);
        if (size > MAX_PACK_SEARCH_SIZE) {
          const best = packs[bestValueIndex(priced)]!;
          ctx.addIssue({
            code: 'custom',
            path: [],
            message:
              `各套餐的对话次数缺少足够大的公因数，无法快速算出最优购买组合` +
              `（按公因数折算后，最划算的「${best.name}」与最大套餐的次数乘积为 ${grouped(size)}，上限 ${grouped(MAX_PACK_SEARCH_SIZE)}）。` +
              '请让各套餐的对话次数有较大的公因数，例如都取 10,000 的整数倍',
          });
        }
      }),
  },
  unknownField('价目表'),
);

export type PriceList = z.output<typeof priceListSchema>;
