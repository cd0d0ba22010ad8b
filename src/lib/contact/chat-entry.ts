// The 在线客服 entry on every page: our own launcher (/widget/v1.js) pointed at the
// operator's reception link (content/site.json `onlineChat`), in the site's colour. The
// attributes are those the launcher reads from its <script> tag (src/lib/embed/widget-config.ts).
import { DATA_ATTRIBUTES, DEFAULT_WIDGET, parseWidgetConfig } from '../embed/widget-config.ts';

/** Where the launcher is served (src/pages/widget/v1.js.ts). */
export const LAUNCHER_PATH = '/widget/v1.js';

export interface OnlineChat {
  url: string;
  label: string;
  sample?: boolean | undefined;
}

/**
 * The launcher's data attributes for the site's online chat, or undefined when none is
 * configured (no entry then, and no script loads).
 */
export function chatLauncherAttributes(chat: OnlineChat | undefined, colour: string = DEFAULT_WIDGET.color): Record<string, string> | undefined {
  if (!chat) return undefined;
  const { config, errors } = parseWidgetConfig({ chatUrl: chat.url, label: chat.label, color: colour, shape: 'bubble', position: 'right', openMode: 'popup' });
  // site.json's schema checked the link already; a launcher that would refuse it stays off.
  if (errors.length > 0 || !config.chatUrl) return undefined;
  return {
    [DATA_ATTRIBUTES.chatUrl]: config.chatUrl,
    [DATA_ATTRIBUTES.label]: config.label,
    [DATA_ATTRIBUTES.color]: config.color,
    [DATA_ATTRIBUTES.shape]: config.shape,
    [DATA_ATTRIBUTES.position]: config.position,
    [DATA_ATTRIBUTES.openMode]: config.openMode,
  };
}
