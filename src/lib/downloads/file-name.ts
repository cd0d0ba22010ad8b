// The file name at the end of a download URL: the page shows it, and the client schema
// refuses a URL whose name cannot be decoded. Its own module, so the download island
// does not pull in the schema (and zod) to get it.

/** The file name at the end of a download URL. */
export function fileNameOf(url: string): string {
  return decodeURIComponent(new URL(url).pathname.split('/').pop() || 'download');
}
