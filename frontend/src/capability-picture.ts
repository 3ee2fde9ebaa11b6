/** An unused capability's picture: the device, the capability, its range or values. */

import { html, nothing, svg, type TemplateResult } from "lit";

import { WIDTH } from "./picture-frame";
import { prettify, type Translate } from "./translations";
import type { CapabilityEvidence } from "./types";

/** The device, the capability it never changed in use, its range or values, and where it sits. */
export function capabilityPicture(capability: CapabilityEvidence, t: Translate): TemplateResult {
  const name = capability.label || prettify(capability.property);
  const unit = capability.unit ?? "";
  const { min, max, value } = capability;
  const hasRange = typeof min === "number" && typeof max === "number" && max > min;
  const onRange = hasRange && typeof value === "number" && value >= min && value <= max;
  const seen = value === null || value === undefined || typeof value === "object"
    ? ""
    : t("always", { value: typeof value === "number" && unit ? `${value} ${unit}` : value });
  const label = t("capability_picture", { device: capability.device, capability: name });
  const x = onRange ? 8 + ((value - min) / (max - min)) * (WIDTH - 16) : 0;
  return html`
    <figure class="picture capability" role="img" aria-label=${label}>
      <div class="device">
        <svg viewBox="0 0 24 24" class="chip-icon" aria-hidden="true">
          <path d="M12,2A7,7 0 0,0 5,9C5,11.38 6.19,13.47 8,14.74V17A1,1 0 0,0 9,18H15A1,1 0 0,0 16,17V14.74C17.81,13.47 19,11.38 19,9A7,7 0 0,0 12,2M9,21A1,1 0 0,0 10,22H14A1,1 0 0,0 15,21V20H9V21Z"></path>
        </svg>
        <span class="device-name">${capability.device}</span>
        <span class="capability-name">${name}</span>
      </div>
      ${hasRange
        ? html`<svg viewBox="0 0 ${WIDTH} 34" aria-hidden="true">
            <rect class="range" x="8" y="8" width=${WIDTH - 16} height="8" rx="4"></rect>
            ${onRange ? svg`<circle class="usual" cx=${x} cy="12" r="6"></circle>` : nothing}
            <text class="axis" x="8" y="30">${min} ${unit}</text>
            <text class="axis" x=${WIDTH - 8} y="30" text-anchor="end">${max} ${unit}</text>
          </svg>`
        : nothing}
      ${capability.values?.length
        ? html`<div class="values">
            ${capability.values.map(
              (choice) => html`<span class=${choice === value ? "value usual" : "value"}>${choice}</span>`,
            )}
          </div>`
        : nothing}
      <figcaption>
        <span class="key"><span class="swatch unused"></span>${t("unchanged")}</span>
        ${seen ? html`<span class="key seen"><span class="swatch usual"></span>${seen}</span>` : nothing}
      </figcaption>
    </figure>
  `;
}
