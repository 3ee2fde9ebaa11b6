/** One suggestion in the card's list, with the buttons for what the user decides. */

import { html, nothing, type TemplateResult } from "lit";

import { automationText } from "./automation-text";
import type { PictureContext } from "./picture-frame";
import { evidencePictures, presenceBadges } from "./pictures";
import { suggestionText } from "./suggestion-text";
import { prettify, type StringKey, type Translate } from "./translations";
import type { Decision, StoredSuggestion } from "./types";

/** What a suggestion's row needs besides the suggestion. */
export interface ItemState {
  t: Translate;
  context: PictureContext;
  busy: boolean; // a decision on it is on its way
  decisions: Decision[];
  onDecide: (suggestion: StoredSuggestion, decision: Decision) => void;
}

/** One suggestion: its kind, words, pictures, automation and the decisions the card may make. */
export function renderSuggestion(suggestion: StoredSuggestion, item: ItemState): TemplateResult {
  const { t, context, busy, decisions, onDecide } = item;
  const kindKey = `kind_${suggestion.kind}` as StringKey;
  const kind = t(kindKey) === kindKey ? prettify(suggestion.kind) : t(kindKey);
  const titleId = `title-${suggestion.id}`;
  const extra =
    suggestion.ai_worded && suggestion.evidence_text && suggestion.evidence_text !== suggestion.description
      ? suggestion.evidence_text
      : undefined;
  const badges = presenceBadges(suggestion, context);
  const said = suggestionText(suggestion, context);
  return html`
    <li class="suggestion" data-id=${suggestion.id} data-kind=${suggestion.kind}>
      <span class="kind">${kind}</span>
      ${badges.map((badge) => html`<span class="badge presence">${badge}</span>`)}
      <h3 id=${titleId}>${said.title}</h3>
      <p class="evidence">${said.description}${extra ? html`<br />${extra}` : nothing}</p>
      ${evidencePictures(suggestion.evidence ?? {}, context)}
      ${suggestion.automation
        ? html`<details>
            <summary>${t("show_automation")}</summary>
            <pre>${automationText(suggestion.automation)}</pre>
          </details>`
        : html`<p class="hint">${t("no_automation")}</p>`}
      <div class="actions">
        ${decisions.includes("snooze")
          ? html`<button class="snooze" aria-describedby=${titleId} ?disabled=${busy}
              @click=${() => onDecide(suggestion, "snooze")}>${t("snooze")}</button>`
          : nothing}
        <button class="dismiss" aria-describedby=${titleId} ?disabled=${busy}
          @click=${() => onDecide(suggestion, "dismiss")}>${t("dismiss")}</button>
        ${suggestion.automation
          ? html`<button class="accept primary" aria-describedby=${titleId} ?disabled=${busy}
              @click=${() => onDecide(suggestion, "accept")}>${t("accept")}</button>`
          : nothing}
      </div>
    </li>
  `;
}
