// Helpers shared by the pack choice's unit tests.
import type { PackChoice } from '../../src/lib/quota/pack-choice.ts';

/** How many of each pack a choice buys, by pack id. */
export const counts = (choice: PackChoice) => Object.fromEntries(choice.packs.map((p) => [p.id, p.count]));
