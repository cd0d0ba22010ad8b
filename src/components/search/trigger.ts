// Shipped on every page, so kept tiny: focuses search on `/` or Ctrl+K, and loads the
// real search code the first time a box is used.

type SearchUi = typeof import('./ui.ts');
let ui: Promise<SearchUi> | undefined;
const loadUi = () => (ui ??= import('./ui.ts'));

function isTypingTarget(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

let installed = false;

/** Wires every `form[data-search]` on the page; safe to call more than once. */
export function installSearchBoxes(): void {
  if (installed) return;
  installed = true;
  const forms = [...document.querySelectorAll<HTMLFormElement>('form[data-search]')];
  for (const form of forms) {
    const input = form.querySelector('input')!;
    const start = () => void loadUi().then((m) => m.attachSearch(form));
    if (form.dataset.search === 'page') start();
    else {
      input.addEventListener('focus', start, { once: true });
      input.addEventListener('input', start, { once: true });
    }
  }
  document.addEventListener('keydown', (event) => {
    const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTypingTarget(event.target);
    const ctrlK = event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey);
    if (!slash && !ctrlK) return;
    const input = forms[0]?.querySelector('input');
    if (!input) return;
    event.preventDefault();
    input.focus();
    input.select();
  });
}
