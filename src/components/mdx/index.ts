// Components article authors may use in MDX without importing them.
import Callout from './Callout.astro';
import RobotQuota from './RobotQuota.astro';
import Downloads from './Downloads.astro';
import Diagnostics from './Diagnostics.astro';
import WidgetTool from './WidgetTool.astro';

export const mdxComponents = { Callout, RobotQuota, Downloads, Diagnostics, WidgetTool };
