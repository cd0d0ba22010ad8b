// The calculator's inputs: labelled fields with units, hints and the number as read back
// (约 5 万); a wrong field's message (input-rules.ts, or the API's) shown at the field.
import { useStore } from '@nanostores/preact';
import type { CalculatorField } from '../../lib/quota/calculator-query.ts';
import { INPUT_RULES, rangeText } from '../../lib/quota/input-rules.ts';
import { formatInWords, parseAmount } from '../../lib/quota/number-input.ts';
import type { CalculatorStore } from './calculator-store.ts';

interface FieldSpec {
  field: CalculatorField;
  unit: string;
  hint: string;
  /**
   * The keyboard a phone shows. iOS's decimal and numeric pads have no minus sign and
   * no 万, so only a field that takes neither gets one.
   */
  inputMode: 'numeric' | 'text';
}

const FIELDS: FieldSpec[] = [
  { field: 'robots', unit: '个', hint: `每个机器人按年购买，可填 ${rangeText('robots')} 个`, inputMode: 'numeric' },
  { field: 'monthlyConversations', unit: '次/月', hint: `全部机器人合计，可填 ${rangeText('monthlyConversations')}，也可以写成 5万`, inputMode: 'text' },
  { field: 'monthlyGrowthPercent', unit: '%', hint: `对话量每月增减的百分比，可填 ${rangeText('monthlyGrowthPercent')}；减少就填负数，如 -10`, inputMode: 'text' },
  { field: 'carryOverBalance', unit: '次', hint: `当前周期还没用完的次数，续费后转入下一个周期；可填 ${rangeText('carryOverBalance')}`, inputMode: 'text' },
];

export function QuotaInputs({ store, idPrefix, ready }: { store: CalculatorStore; idPrefix: string; ready: boolean }) {
  const fields = useStore(store.$fields);
  const result = useStore(store.$result);
  const errors = result.status === 'invalid' ? result.fieldErrors : {};

  const describe = (field: CalculatorField, reading = false) =>
    [`${idPrefix}-${field}-hint`, reading && `${idPrefix}-${field}-reading`, errors[field] && `${idPrefix}-${field}-error`].filter(Boolean).join(' ');

  return (
    <fieldset class="rq-inputs" disabled={!ready}>
      <legend>估算条件</legend>
      {FIELDS.map(({ field, unit, hint, inputMode }) => {
        const value = parseAmount(fields[field]);
        const words = value !== null && field !== 'monthlyGrowthPercent' ? formatInWords(value) : '';
        const label = INPUT_RULES[field].label;
        return (
          <div class="rq-field" key={field}>
            <label for={`${idPrefix}-${field}`}>{label}</label>
            <div class="rq-control">
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
              {hint}
            </p>
            {words && (
              <p class="rq-reading" id={`${idPrefix}-${field}-reading`}>
                当前填写：约 {words}
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
