// "这篇文章有帮助吗？" at the end of every article: one vote per article per browser,
// remembered and changeable; "没有帮助" asks what was missing and offers the next step.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { supportApiClient } from '../../browser/support-api-client.ts';
import { TOOL_PAGES } from '../../lib/content/tools.ts';
import { displayPhone, telHref } from '../../lib/contact/support-lines.ts';
import { rememberVote, rememberedVote, voterId, type RememberedVote } from '../../browser/vote-memory.ts';
import { localStore } from '../../browser/local-storage.ts';

export interface ArticleFeedbackProps {
  page: string;
  apiBaseUrl: string;
  /** Offer the diagnostics tool as the next step (widget articles). */
  suggestDiagnostics: boolean;
  supportLines: { label: string; phone: string }[];
}

type Status = 'idle' | 'saving' | 'saved' | 'failed';

export default function ArticleFeedback({ page, apiBaseUrl, suggestDiagnostics, supportLines }: ArticleFeedbackProps) {
  const api = useMemo(() => supportApiClient(apiBaseUrl), [apiBaseUrl]);
  const [vote, setVote] = useState<RememberedVote>();
  const [comment, setComment] = useState('');
  const [status, setStatus] = useState<Status>('idle');
  const [commentSent, setCommentSent] = useState(false);
  // Rendered disabled on the server; enabled once hydrated, so no click is lost.
  const [ready, setReady] = useState(false);

  useEffect(() => {
    setReady(true);
    const saved = rememberedVote(localStore(), page);
    if (saved) {
      setVote(saved);
      setComment(saved.comment ?? '');
      setCommentSent(!!saved.comment);
    }
  }, [page]);

  /** Sends the vote; only the API's answer decides whether it failed (remembering it is best effort). */
  async function send(next: RememberedVote) {
    setStatus('saving');
    const s = localStore();
    try {
      await api.feedback({ page, helpful: next.helpful, ...(next.comment ? { comment: next.comment } : {}), voter: voterId(s) });
    } catch {
      setStatus('failed');
      return false;
    }
    rememberVote(s, page, next);
    setVote(next);
    setStatus('saved');
    return true;
  }

  const choose = (helpful: boolean) => {
    if (vote?.helpful === helpful && status !== 'failed') return;
    setCommentSent(false);
    void send({ helpful, comment: helpful ? undefined : vote?.comment });
  };

  return (
    <section class="fb" aria-labelledby="fb-title" data-testid="article-feedback" data-ready={ready ? 'true' : 'false'}>
      <h2 id="fb-title" class="fb-title">这篇文章有帮助吗？</h2>
      <div class="fb-buttons" role="group" aria-labelledby="fb-title">
        <button type="button" aria-pressed={vote?.helpful === true ? 'true' : 'false'} onClick={() => choose(true)} disabled={!ready || status === 'saving'}>
          有帮助
        </button>
        <button type="button" aria-pressed={vote?.helpful === false ? 'true' : 'false'} onClick={() => choose(false)} disabled={!ready || status === 'saving'}>
          没有帮助
        </button>
      </div>
      <p class="fb-status" role="status">
        {!ready && <span class="only-without-js">投票需要启用 JavaScript，所以按钮不能点。</span>}
        {status === 'failed' && '提交没有成功，请稍后再试。'}
        {vote && status !== 'failed' && (vote.helpful ? '谢谢你的反馈！' : '谢谢反馈，我们会改进这篇文章。')}
        {vote && status !== 'failed' && <span class="fb-change">（已记录，可以随时改选）</span>}
      </p>
      {vote?.helpful === false && (
        <div class="fb-more">
          {commentSent ? (
            <p class="fb-thanks">补充说明已收到。</p>
          ) : (
            <form
              onSubmit={async (e) => {
                e.preventDefault();
                if (await send({ helpful: false, comment: comment.trim() || undefined })) setCommentSent(!!comment.trim());
              }}
            >
              <label for="fb-comment">哪里没说清楚？（选填，最多 500 字）</label>
              <textarea id="fb-comment" maxLength={500} rows={3} value={comment} onInput={(e) => setComment(e.currentTarget.value)} />
              <button type="submit" disabled={status === 'saving' || !comment.trim()}>
                提交补充说明
              </button>
            </form>
          )}
          <div class="fb-next">
            <p>接下来可以：</p>
            <ul>
              {suggestDiagnostics && (
                <li>
                  用<a href={TOOL_PAGES.diagnostics}>浏览器检测工具</a>查一查接待组件打不开的原因
                </li>
              )}
              {supportLines.map((line) => (
                <li key={line.phone}>
                  打{line.label}电话 <a href={telHref(line.phone)}>{displayPhone(line.phone)}</a>
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}
    </section>
  );
}
