// The inputs as a quote states them (8 万次/月, 每年 5%): a saved quote's conditions on
// screen, and on paper the conditions of any estimate (the form is not printed).
import type { CalculatorValues } from '../../lib/quota/calculator-query.ts';
import { summariseInputs } from '../../lib/quota/inputs-summary.ts';

export function InputsSummary({ values, printOnly = false }: { values: CalculatorValues; printOnly?: boolean }) {
  return (
    <dl class={printOnly ? 'rq-inputs-summary rq-print-only' : 'rq-inputs-summary'} data-testid="inputs-summary">
      {summariseInputs(values).map((line) => (
        <div key={line.field}>
          <dt>{line.label}</dt>
          <dd>
            <span class="figure">{line.value}</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}
