// Copying text for the visitor: true when the browser took it, false where the clipboard is
// refused or missing (plain http, older in-app web views); the caller then offers the text
// to copy by hand.
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
