/** An undone automation's picture: the days it acted, the days it was undone. */

import { html, nothing, svg, type TemplateResult } from "lit";

import { WIDTH } from "./picture-frame";
import type { Translate } from "./translations";
import type { Evidence } from "./types";

/** An accepted automation people keep undoing: the days it acted, the days it was undone. */
export function overridePicture(evidence: Evidence, t: Translate): TemplateResult | typeof nothing {
  const acted = evidence.acted_days;
  const undone = evidence.undone_days;
  if (typeof acted !== "number" || typeof undone !== "number" || acted < 1) return nothing;
  const label = t("override_picture", { undone, acted });
  const size = Math.max(Math.min(14, (WIDTH - 8) / acted - 2), 1);
  return html`
    <figure class="picture override">
      <svg viewBox="0 0 ${WIDTH} ${size + 4}" role="img" aria-label=${label}>
        <title>${label}</title>
        ${Array.from(
          { length: acted },
          (_, index) =>
            svg`<rect class=${index < undone ? "cell undone" : "cell kept"} x=${4 + index * (size + 2)} y="2" width=${size} height=${size} rx="2"></rect>`,
        )}
      </svg>
      <figcaption>
        <span class="key"><span class="swatch undone"></span>${t("undone")}</span>
        <span class="key"><span class="swatch kept"></span>${t("kept")}</span>
        <span class="key override-text">${label}</span>
        ${evidence.suggestion_id
          ? html`<a class="key" href="/config/automation/edit/ai_automation_${evidence.suggestion_id}">${t("open_editor")}</a>`
          : nothing}
      </figcaption>
    </figure>
  `;
}
