/** A group's picture: the things changed together, each with the state it goes to. */

import { html, nothing, type TemplateResult } from "lit";

import type { PictureContext } from "./picture-frame";
import type { StringKey } from "./translations";
import type { Evidence } from "./types";

/** The things a group changes together, each with the state it goes to. */
export function groupPicture(evidence: Evidence, context: PictureContext): TemplateResult | typeof nothing {
  const members = evidence.members ?? [];
  if (!members.length) return nothing;
  const { t } = context;
  const startedKey = `started_${evidence.started_by ?? ""}` as StringKey;
  const started = evidence.started_by && t(startedKey) !== startedKey ? t(startedKey) : "";
  return html`
    <figure class="picture group">
      <ul class="members">
        ${members.map(
          (member) => html`<li class="member" data-entity=${member.entity_id}>
            <span class="member-name">${context.name(member.entity_id)}</span>
            <span class="member-state">${context.state(member.entity_id, member.state)}</span>
          </li>`,
        )}
      </ul>
      <figcaption>
        ${typeof evidence.together === "number"
          ? html`<span class="key">${t("together", {
              n: evidence.together,
              share: Math.round((evidence.share ?? 0) * 100),
            })}</span>`
          : nothing}
        ${started ? html`<span class="key">${started}</span>` : nothing}
      </figcaption>
    </figure>
  `;
}
