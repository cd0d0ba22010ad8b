// A scroll container for a table that may not fit: named by the table's caption, and,
// once it does scroll, reachable by keyboard (arrow keys then scroll it) with a hint
// saying so (its keyboard half hidden on touch screens, robot-quota.css). Edge shadows (CSS) show which
// side has more; data-scrolls-x lets the sticky first column draw its edge.
import type { ComponentChildren } from 'preact';
import { useMeasured } from './use-measured.ts';

interface Overflow {
  x: boolean;
  y: boolean;
}

/** Whether the element's content is wider or taller than the element. */
const overflowOf = (el: HTMLElement): Overflow => ({ x: el.scrollWidth > el.clientWidth + 1, y: el.scrollHeight > el.clientHeight + 1 });
const sameOverflow = (a: Overflow, b: Overflow) => a.x === b.x && a.y === b.y;

export function ScrollArea({ labelledBy, hintId, children }: { labelledBy: string; hintId: string; children: ComponentChildren }) {
  const { ref, value: overflow } = useMeasured({ x: false, y: false }, overflowOf, sameOverflow);
  const scrolls = overflow.x || overflow.y;
  return (
    <>
      <div
        ref={ref}
        class="rq-table-wrap"
        role="region"
        aria-labelledby={labelledBy}
        aria-describedby={overflow.x ? hintId : undefined}
        tabIndex={scrolls ? 0 : undefined}
        data-scrolls-x={overflow.x ? '' : undefined}
      >
        {children}
      </div>
      {overflow.x && (
        <p class="rq-scroll-hint no-print" id={hintId}>
          表格较宽，可左右滑动查看全部列<span class="rq-key-hint">，也可用 Tab 键选中表格后按方向键</span>。
        </p>
      )}
    </>
  );
}
