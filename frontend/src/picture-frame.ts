/** What every evidence picture shares: its context and the frame's measures. */

import type { Translate } from "./translations";

/** What the pictures need besides the evidence: words, and the home's names and states. */
export interface PictureContext {
  t: Translate;
  language: string;
  name(entityId: string): string;
  state(entityId: string, state: string): string;
}

export const WIDTH = 320;
export const RIGHT = 8;
