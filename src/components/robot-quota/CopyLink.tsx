// A link to copy: shown in a read-only field (selected on focus, so it can be copied by
// hand where the clipboard is not allowed) with a 复制链接 button.
import { useState } from 'preact/hooks';
import { copyText } from '../../browser/clipboard.ts';

export function CopyLink({ id, label, url, announce = '' }: { id: string; label: string; url: string; /** Said once the field appears. */ announce?: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    if (await copyText(url)) setCopied(true);
    else (document.getElementById(id) as HTMLInputElement | null)?.select();
  };
  return (
    <div class="rq-share">
      <label for={id}>{label}</label>
      <div class="rq-control">
        <input id={id} type="text" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
        <button type="button" onClick={copy}>
          {copied ? '已复制' : '复制链接'}
        </button>
      </div>
      <p class="visually-hidden" role="status">
        {copied ? '链接已复制' : announce}
      </p>
    </div>
  );
}
