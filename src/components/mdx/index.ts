// Components article authors may use in MDX without importing them.
import Callout from './Callout.astro';

export const mdxComponents = { Callout };
