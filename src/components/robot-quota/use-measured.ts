// A value read off an element's layout (its width, whether it overflows), kept up to
// date as the element or its first child is resized.
import { useLayoutEffect, useRef, useState } from 'preact/hooks';

/**
 * `read(element)` after layout and on every resize, starting from `initial`. A result
 * that `same` finds equal to the last one keeps the old value (no re-render).
 */
export function useMeasured<T>(initial: T, read: (el: HTMLDivElement) => T | undefined, same: (a: T, b: T) => boolean = Object.is) {
  const ref = useRef<HTMLDivElement>(null);
  const [value, setValue] = useState(initial);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const next = read(el);
      if (next !== undefined) setValue((old) => (same(old, next) ? old : next));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return { ref, value };
}
