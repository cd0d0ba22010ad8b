// The calculator's inputs: labelled fields with units and hints; field errors from the
// API shown at their fields.
import { useStore } from '@nanostores/preact';
import type { CalculatorField } from '../../lib/quota/calculator-query.ts';
import { formatInWords, parseAmount } from '../../lib/quota/number-input.ts';
import type { CalculatorStore } from './calculator-store.ts';

interface FieldSpec {
  field: CalculatorField;
  label: string;
  unit: string;
  hint: string;
}

const FIELDS: FieldSpec[] = [
  { field: 'robots', label: '机器人数量', unit: '个', hint: '每个机器人按年购买，1–1000 个' },
  { field: 'monthlyConversations', label: '首月预计对话量', unit: '次/月', hint: '全部机器人合计，可填 5万、50,000' },
  { field: 'monthlyGrowthPercent', label: '每月增长', unit: '%', hint: '对话量逐月增减的比例，-50 到 200' },
  { field: 'carryOverBalance', label: '本期剩余次数', unit: '次', hint: '当前周期还没用完的对话次数，续费后转入下一个周期' },
];

export function QuotaInputs({ store, idPrefix, ready }: { store: CalculatorStore; idPrefix: string; ready: boolean }) {
  const fields = useStore(store.$fields);
  const result = useStore(store.$result);
  const errors = result.status === 'invalid' ? result.fieldErrors : {};

  const describe = (field: CalculatorField) => `${idPrefix}-${field}-hint${errors[field] ? ` ${idPrefix}-${field}-error` : ''}`;

  return (
    <fieldset class="rq-inputs" disabled={!ready}>
      <legend>估算条件</legend>
      {FIELDS.map(({ field, label, unit, hint }) => {
        const value = parseAmount(fields[field]);
        const words = value !== null && field !== 'monthlyGrowthPercent' ? formatInWords(value) : '';
        return (
          <div class="rq-field" key={field}>
            <label for={`${idPrefix}-${field}`}>{label}</label>
            <div class="rq-control">
              <input
                id={`${idPrefix}-${field}`}
                name={field}
                type="text"
                inputMode="decimal"
                autoComplete="off"
                value={fields[field]}
                aria-invalid={errors[field] ? 'true' : undefined}
                aria-describedby={describe(field)}
                onInput={(e) => store.setField(field, e.currentTarget.value)}
              />
              <span class="rq-unit">{unit}</span>
            </div>
            <p class="rq-hint" id={`${idPrefix}-${field}-hint`}>
              {hint}
              {words && <span class="rq-words">（约 {words}）</span>}
            </p>
            {errors[field] && (
              <p class="rq-error" id={`${idPrefix}-${field}-error`} role="alert">
                {errors[field]}
              </p>
            )}
          </div>
        );
      })}
      <div class="rq-field">
        <label for={`${idPrefix}-years`}>合同年限</label>
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
