// Copying text for the visitor, the one way every island and page script does it: true
// when the text is on the clipboard, false where nothing could copy it; the caller then
// offers the text to copy by hand. The Clipboard API needs a secure context and is missing
// or refused in older in-app web views (WeChat's among them), where the old
// `execCommand('copy')` on a selected, off-screen text field still works inside the click.

/** The fallback: selects `text` in a hidden field and copies the selection. */
function copyBySelection(text: string): boolean {
  const active = document.activeElement as HTMLElement | null;
  const field = document.createElement('textarea');
  field.value = text;
  field.setAttribute('readonly', '');
  field.setAttribute('aria-hidden', 'true');
  // Off-screen but rendered (a hidden field cannot be selected); 16 px so iOS does not zoom.
  field.style.cssText = 'position:fixed;top:0;left:-9999px;opacity:0;font-size:16px';
  document.body.append(field);
  field.select();
  field.setSelectionRange(0, text.length);
  let copied = false;
  try {
    copied = document.execCommand('copy');
  } catch {
    copied = false;
  }
  field.remove();
  active?.focus({ preventScroll: true });
  return copied;
}

export async function copyText(text: string): Promise<boolean> {
  // Without the API (plain http, old web views) only the selection copy can work; it must
  // run synchronously, inside the click that asked for it.
  if (!navigator.clipboard?.writeText || !window.isSecureContext) return copyBySelection(text);
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Refused (a permission policy, a web view that rejects the API): still within the
    // click's user activation in the browsers that refuse at once.
    return copyBySelection(text);
  }
}
