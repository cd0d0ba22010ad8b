// The widget preview island: a form for every setting (WidgetForm), the launcher's own
// rendering in a desktop and a phone frame (WidgetFrames), the outputs (snippet, link,
// QR code: WidgetOutputs) and per-channel guidance (ChannelGuides). The settings live
// here: kept in this browser as they change, and shareable by URL.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { generate } from 'lean-qr';
import { toSvgSource } from 'lean-qr/extras/svg';
import { launcherSnippet, textLinkSnippet } from '../../lib/embed/embed-code.ts';
import { parseWidgetConfig } from '../../lib/embed/widget-config.ts';
import { DEMO_SETTINGS, initialSettings, PREVIEW_STORAGE_KEY, savedText, shareLink, type PreviewSettings } from '../../lib/embed/share-link.ts';
import { keep, readKept } from '../../browser/local-storage.ts';
import { ChannelGuides } from './ChannelGuides.tsx';
import { WidgetForm } from './WidgetForm.tsx';
import { WidgetFrames } from './WidgetFrames.tsx';
import { WidgetOutputs } from './WidgetOutputs.tsx';

export interface WidgetPreviewProps {
  /** Unique per page, for element ids. */
  idPrefix: string;
  /** Level of the tool's section headings: 2 on the tool's own page, 3 inside an article's section. */
  headingLevel?: 2 | 3;
  /** The product whose 接待组件 make the link (site config), e.g. 企点客服. */
  productName: string;
}

export default function WidgetPreview({ idPrefix, headingLevel = 3, productName }: WidgetPreviewProps) {
  // The server renders the demo settings, which a first visit keeps: the form does not change height once hydrated.
  const [state, setState] = useState<PreviewSettings>(DEMO_SETTINGS);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    setState(initialSettings(location.search, readKept(PREVIEW_STORAGE_KEY)));
    setReady(true);
  }, []);
  /** Changes the settings and keeps them at once, in the same event: a reload loses nothing. */
  const latest = useRef(state);
  latest.current = state;
  const update = (change: (s: PreviewSettings) => PreviewSettings) => {
    const next = change(latest.current);
    latest.current = next;
    keep(PREVIEW_STORAGE_KEY, savedText(next));
    setState(next);
  };
  const { raw, kind } = state;
  const { config, errors } = useMemo(() => parseWidgetConfig(raw), [raw]);
  const valid = !errors.some((e) => e.field === 'chatUrl');

  const shareUrl = useMemo(() => (typeof location === 'undefined' ? '' : shareLink(`${location.origin}${location.pathname}`, { raw, kind })), [raw, kind]);

  const scriptUrl = typeof location === 'undefined' ? '/widget/v1.js' : `${location.origin}/widget/v1.js`;
  const snippet = kind === 'link' ? textLinkSnippet(config) : launcherSnippet(config, scriptUrl);
  const qr = useMemo(() => (valid ? generate(config.chatUrl) : undefined), [valid, config.chatUrl]);
  const qrSvg = qr ? toSvgSource(qr, { on: '#000', off: '#fff', pad: 4, width: 200, height: 200 }) : '';

  const id = (f: string) => `${idPrefix}-${f}`;

  return (
    <div class="wp" data-testid="widget-preview" data-ready={ready ? 'true' : 'false'}>
      {/* Without scripts the form would take input and do nothing: only the channel guides show (and the section's <noscript>). */}
      <div class="wp-live only-with-js">
        <WidgetForm settings={state} errors={errors} update={update} id={id} productName={productName} />
        <WidgetFrames config={config} kind={kind} qrSvg={qrSvg} headingLevel={headingLevel} />
        <WidgetOutputs config={config} kind={kind} valid={valid} snippet={snippet} qr={qr} qrSvg={qrSvg} shareUrl={shareUrl} id={id} headingLevel={headingLevel} />
      </div>
      <ChannelGuides headingLevel={headingLevel} />
    </div>
  );
}
