// What a printed estimate needs for the customer to come back to it: its number and
// link with a QR code of the link (a saved quote), or, not saved, the link that redoes
// it from its inputs at that day's prices. Drawn on screen too, but shown only on paper.
import { useEffect, useState } from 'preact/hooks';

/**
 * The QR code maker, loaded once after the first figures are shown rather than with the
 * calculator (it is wanted only on paper); a print before it arrives has no QR code.
 */
let qrMaker: Promise<(text: string) => string> | undefined;
const loadQrMaker = () =>
  (qrMaker ??= Promise.all([import('lean-qr'), import('lean-qr/extras/svg')]).then(
    ([{ generate }, { toSvgSource }]) =>
      (text: string) =>
        toSvgSource(generate(text), { on: '#000', off: '#fff', pad: 2 }),
  ));

function useQrSvg(text: string): string {
  const [svg, setSvg] = useState('');
  useEffect(() => {
    let current = true;
    loadQrMaker().then(
      (make) => current && setSvg(make(text)),
      () => {},
    );
    return () => {
      current = false;
    };
  }, [text]);
  return svg;
}

export interface PrintReferenceProps {
  /** The saved quote's id, when there is one. */
  quoteId?: string | undefined;
  /** The quote's link, or the calculator's with these inputs. */
  url: string;
  /** The estimate's day in China: a saved quote's, or today's. */
  date: string;
}

export function PrintReference({ quoteId, url, date }: PrintReferenceProps) {
  const svg = useQrSvg(url);
  return (
    <div class="rq-print-ref rq-print-only" data-testid="print-reference">
      <div>
        <p class="rq-print-date">
          估算日期：<span class="figure">{date}</span>
        </p>
        {quoteId ? (
          <p>
            估算编号：<span class="figure">{quoteId}</span>
          </p>
        ) : (
          <p>这份估算没有保存：扫码或打开下面的链接，会按打开当天的价格重新估算。</p>
        )}
        <p class="rq-print-url">
          {quoteId ? '查看这份估算（只读，金额与估算时相同）：' : '估算条件链接：'}
          <span class="rq-url">{url}</span>
        </p>
      </div>
      {svg && <div class="rq-qr" role="img" aria-label={quoteId ? '二维码：扫码查看这份估算' : '二维码：扫码按这些条件重新估算'} dangerouslySetInnerHTML={{ __html: svg }} />}
    </div>
  );
}
