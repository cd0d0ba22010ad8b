// Wraps a content loader (Astro's glob) so that each file is read and checked the way
// an operator needs it:
// - a mistake is reported in Chinese, naming the file and each field at fault (the
//   project's messages, src/config/chinese-messages.ts), not in Astro's English;
// - a JSON file saved with a byte order mark (Windows Notepad) is read, and a JSON
//   syntax error names the file, line and column;
// - a date in frontmatter is checked as written (YAML would roll 2026-13-45 over).
import type { Loader, LoaderContext } from 'astro/loaders';
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { ConfigError, parseWithFriendlyErrors } from '../config/friendly-errors.ts';
import { parseJsonText } from '../config/json-file.ts';
import { restoreWrittenDates } from '../lib/content/dates.ts';

/** How Astro reads one kind of file (the glob loader gets these in its context). */
interface EntryType {
  extensions?: string[];
  getEntryInfo(params: { fileUrl: URL; contents: string }): Promise<{ data: Record<string, unknown> }> | { data: Record<string, unknown> };
}

type EntryTypes = Map<string, EntryType>;

/** The file as the operator knows it: relative to the project, with `/`. */
function shownPath(root: URL, file: string): string {
  return relative(fileURLToPath(root), file).split(sep).join('/');
}

function checkedEntryType(extension: string, type: EntryType, show: (file: string) => string): EntryType {
  if (extension === '.json') {
    return {
      ...type,
      getEntryInfo({ fileUrl, contents }) {
        const file = show(fileURLToPath(fileUrl));
        const data = parseJsonText(contents, file);
        if (typeof data !== 'object' || data === null || Array.isArray(data)) {
          throw new ConfigError(`内容文件 ${file} 有误：`, [{ path: '(根)', message: '应为一个 JSON 对象（{…}）' }]);
        }
        return { data: data as Record<string, unknown> };
      },
    };
  }
  return {
    ...type,
    async getEntryInfo(params) {
      const info = await type.getEntryInfo(params);
      return { ...info, data: restoreWrittenDates(info.data, params.contents) };
    },
  };
}

/**
 * `inner` with every file checked against `schema` (the collection's own) before Astro
 * stores it; see the top of this file.
 */
export function checkedLoader(inner: Loader, schema: z.ZodType): Loader {
  return {
    ...inner,
    name: `wenda:checked-${inner.name}`,
    load(context: LoaderContext) {
      const show = (file: string) => shownPath(context.config.root, file);
      // Not in LoaderContext's type, but what glob() reads each file with.
      const entryTypes = (context as LoaderContext & { entryTypes?: EntryTypes }).entryTypes;
      const checkedTypes = entryTypes && new Map([...entryTypes].map(([ext, type]) => [ext, checkedEntryType(ext, type, show)]));
      return inner.load({
        ...context,
        ...(checkedTypes && { entryTypes: checkedTypes }),
        parseData(props) {
          const file = props.filePath ? show(props.filePath) : `${context.collection} → ${props.id}`;
          parseWithFriendlyErrors(schema, props.data, `内容文件 ${file} 有误：`);
          return context.parseData(props);
        },
      } as LoaderContext);
    },
  };
}

/** A collection's loader and schema, its files checked as {@link checkedLoader} says. */
export function checkedCollection<S extends z.ZodType>(loader: Loader, schema: S): { loader: Loader; schema: S } {
  return { loader: checkedLoader(loader, schema), schema };
}
