// Where the 接待链接 goes outside a website (WeChat, Weibo, live streams…): each
// channel's steps, folded, and what to do where links are restricted.
import { CHANNEL_GUIDES, RESTRICTION_NOTE } from '../../lib/embed/channel-guides.ts';

export function ChannelGuides({ headingLevel }: { headingLevel: 2 | 3 }) {
  const Heading = `h${headingLevel}` as const;
  return (
    <section class="wp-channels" aria-label="站外渠道">
      <Heading class="wp-heading">放到站外渠道</Heading>
      <p class="wp-note">{RESTRICTION_NOTE}</p>
      <div class="wp-channel-list">
        {CHANNEL_GUIDES.map((g) => (
          <details key={g.id} class="wp-channel">
            <summary>
              {g.name}：用{g.use}
            </summary>
            <ol>
              {g.steps.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ol>
            <p class="wp-hint">受限时：{g.ifRestricted}</p>
          </details>
        ))}
      </div>
    </section>
  );
}
