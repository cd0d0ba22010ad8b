// The calculator's inputs: labelled fields with units, hints and the number as read back
// (约 5 万); a wrong field's message (input-rules.ts, or the API's) shown at the field.
import { useStore } from '@nanostores/preact';
import type { CalculatorField } from '../../lib/quota/calculator-query.ts';
import { GROWTH_PERIOD_WORDS, INPUT_RULES, rangeText } from '../../lib/quota/input-rules.ts';
import { formatInWords, parseAmount } from '../../lib/quota/number-input.ts';
import { GROWTH_PERIODS, type GrowthPeriod } from '../../lib/quota/usage.ts';
import type { CalculatorStore } from './calculator-store.ts';

interface FieldSpec {
  field: CalculatorField;
  hint: string | ((period: GrowthPeriod) => string);
  /**
   * The keyboard a phone shows. iOS's decimal and numeric pads have no minus sign and
   * no 万, so only a field that takes neither gets one.
   */
  inputMode: 'numeric' | 'text';
}

const FIELDS: FieldSpec[] = [
  { field: 'robots', hint: `每个机器人按年购买，可填 ${rangeText('robots')} 个`, inputMode: 'numeric' },
  { field: 'monthlyConversations', hint: `全部机器人合计，可填 ${rangeText('monthlyConversations')}，也可以写成 5万`, inputMode: 'text' },
  {
    field: 'monthlyGrowthPercent',
    hint: (period) =>
      period === 'year'
        ? `对话量每年增减的百分比，同一年里每月相同；可填 ${rangeText('monthlyGrowthPercent')}，减少就填负数，如 -10`
        : `对话量每月增减的百分比，逐月累计；可填 ${rangeText('monthlyGrowthPercent')}，减少就填负数，如 -10`,
    inputMode: 'text',
  },
  { field: 'carryOverBalance', hint: `当前周期还没用完的次数，续费后转入下一个周期；可填 ${rangeText('carryOverBalance')}`, inputMode: 'text' },
];

/** The fields that can reach 1 万, whose value is read back in words (约 5 万). */
const READ_BACK = new Set<CalculatorField>(['monthlyConversations', 'carryOverBalance']);

/** 每月 / 每年 before the growth rate, as one says it: 每年 10%. */
function GrowthPeriodSelect({ store, id, hintId }: { store: CalculatorStore; id: string; hintId: string }) {
  const period = useStore(store.$growthPeriod);
  return (
    <>
      <label for={id} class="visually-hidden">
        增长周期
      </label>
      <select id={id} name="growthPeriod" class="rq-period" value={period} aria-describedby={hintId} onChange={(e) => store.setGrowthPeriod(e.currentTarget.value as GrowthPeriod)}>
        {GROWTH_PERIODS.map((p) => (
          <option value={p} key={p}>
            {GROWTH_PERIOD_WORDS[p]}
          </option>
        ))}
      </select>
    </>
  );
}

/**
 * `ready`: hydrated (the server renders the form disabled). `waiting`: a saved quote is
 * on its way; the form keeps its room, unseen, until the quote's inputs take its place,
 * so that nothing under it moves twice.
 */
export function QuotaInputs({ store, idPrefix, ready, waiting = false }: { store: CalculatorStore; idPrefix: string; ready: boolean; waiting?: boolean }) {
  const fields = useStore(store.$fields);
  const period = useStore(store.$growthPeriod);
  const result = useStore(store.$result);
  const errors = result.status === 'invalid' ? result.fieldErrors : {};

  const describe = (field: CalculatorField, reading = false) =>
    [`${idPrefix}-${field}-hint`, reading && `${idPrefix}-${field}-reading`, errors[field] && `${idPrefix}-${field}-error`].filter(Boolean).join(' ');

  return (
    <fieldset class={waiting ? 'rq-inputs rq-inputs--waiting' : 'rq-inputs'} disabled={!ready || waiting} aria-hidden={waiting ? 'true' : undefined}>
      <legend>估算条件</legend>
      {FIELDS.map(({ field, hint, inputMode }) => {
        const value = parseAmount(fields[field]);
        const words = value !== null && READ_BACK.has(field) ? formatInWords(value) : '';
        const { label, unit } = INPUT_RULES[field];
        return (
          <div class="rq-field" key={field}>
            <label for={`${idPrefix}-${field}`}>{label}</label>
            <div class="rq-control">
              {field === 'monthlyGrowthPercent' && <GrowthPeriodSelect store={store} id={`${idPrefix}-growthPeriod`} hintId={`${idPrefix}-${field}-hint`} />}
              <input
                id={`${idPrefix}-${field}`}
                name={field}
                type="text"
                inputMode={inputMode}
                autoComplete="off"
                value={fields[field]}
                aria-invalid={errors[field] ? 'true' : undefined}
                aria-describedby={describe(field, !!words)}
                onInput={(e) => store.setField(field, e.currentTarget.value)}
              />
              <span class="rq-unit">{unit}</span>
            </div>
            <p class="rq-hint" id={`${idPrefix}-${field}-hint`}>
              {typeof hint === 'string' ? hint : hint(period)}
            </p>
            {/* Kept, empty, while there is nothing to read back: it appearing would move the fields under it. */}
            {READ_BACK.has(field) && (
              <p class="rq-reading" id={`${idPrefix}-${field}-reading`}>
                {words && `当前填写：约 ${words}`}
              </p>
            )}
            {errors[field] && (
              <p class="rq-error" id={`${idPrefix}-${field}-error`} role="alert">
                {errors[field]}
              </p>
            )}
          </div>
        );
      })}
      <div class="rq-field">
        <label for={`${idPrefix}-years`}>{INPUT_RULES.years.label}</label>
        <div class="rq-control">
          <select
            id={`${idPrefix}-years`}
            name="years"
            value={String(parseAmount(fields.years) ?? 1)}
            aria-describedby={describe('years')}
            onChange={(e) => store.setField('years', e.currentTarget.value)}
          >
            {[1, 2, 3, 4, 5].map((y) => (
              <option value={String(y)} key={y}>
                {y} 年
              </option>
            ))}
          </select>
        </div>
        <p class="rq-hint" id={`${idPrefix}-years-hint`}>
          按年续费，每年单独计算
        </p>
        {errors.years && (
          <p class="rq-error" id={`${idPrefix}-years-error`} role="alert">
            {errors.years}
          </p>
        )}
      </div>
    </fieldset>
  );
}
