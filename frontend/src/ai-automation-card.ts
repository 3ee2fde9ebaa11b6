/** `custom:ai-automation-card`: the open suggestions with the evidence behind them. */

import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from "lit";
import { repeat } from "lit/directives/repeat.js";

import { emptyText, renderHeader } from "./card-header";
import { AiAutomationCardEditor } from "./editor";
import { formatCount } from "./numbers";
import type { PictureContext } from "./picture-frame";
import { cardStyles } from "./styles";
import { renderSuggestion } from "./suggestion-item";
import { suggestionText } from "./suggestion-text";
import { browserLanguage, prettify, translator, type Translate } from "./translations";
import type { CardConfig, HassEntity, HomeAssistant, StatusAnswer, StoredSuggestion, SuggestionsPage } from "./types";

const DOMAIN = "ai_automation";
const CARD_TYPE = "ai-automation-card";
const DEFAULT_MAX = 5;
const SNOOZE_DAYS = 30;
// How long a snoozed or dismissed suggestion can be taken back from the card.
const UNDO_SECONDS = 10;
// The integration's entities (by translation key) whose change means a run started or ended or a
// suggestion was handled somewhere: the card reloads the status and the suggestions then.
const RELOAD_WHEN_CHANGED = ["last_run", "last_run_status", "suggestions_open"];

interface Created {
  id: string;
  title: string;
  automationId: string;
}

/** A snooze or dismissal just made, which Undo takes back for a few seconds. */
interface Undoable {
  id: string;
  title: string;
  decision: "snooze" | "dismiss";
  timer: number;
}

function errorText(err: unknown): string {
  if (err && typeof err === "object" && "message" in err) return String(err.message);
  return String(err);
}

export class AiAutomationCard extends LitElement {
  static override styles = cardStyles;

  static override properties = {
    hass: { attribute: false },
    _config: { state: true },
    _status: { state: true },
    _suggestions: { state: true },
    _total: { state: true },
    _error: { state: true },
    _running: { state: true },
    _busy: { state: true },
    _created: { state: true },
    _undoable: { state: true },
  };

  declare hass?: HomeAssistant;
  declare _config?: CardConfig;
  declare _status?: StatusAnswer;
  declare _suggestions?: StoredSuggestion[];
  declare _total: number;
  declare _error?: string;
  declare _running: boolean;
  declare _busy: Set<string>;
  declare _created: Created[];
  declare _undoable: Undoable[];
  private _entityIds: Record<string, string> = {};
  private _watched = "";
  private _request = 0;

  constructor() {
    super();
    this._total = 0;
    this._running = false;
    this._busy = new Set();
    this._created = [];
    this._undoable = [];
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const item of this._undoable) window.clearTimeout(item.timer);
    this._undoable = [];
  }

  static getConfigElement(): HTMLElement {
    return document.createElement("ai-automation-card-editor");
  }

  static getStubConfig(): Partial<CardConfig> {
    return { show_header: true, max_suggestions: DEFAULT_MAX };
  }

  setConfig(config: CardConfig): void {
    if (!config || typeof config !== "object") throw new Error("Invalid configuration");
    if (config.kinds !== undefined && !Array.isArray(config.kinds)) {
      throw new Error("kinds must be a list");
    }
    if (config.areas !== undefined && !Array.isArray(config.areas)) {
      throw new Error("areas must be a list");
    }
    const changed = JSON.stringify(config) !== JSON.stringify(this._config);
    this._config = config;
    if (changed && this.hass) void this._refresh();
  }

  getCardSize(): number {
    // Before the data is there, as many as the card will show (the dashboard lays out columns).
    const shown = this._suggestions?.length ?? Math.min(this._config?.max_suggestions ?? DEFAULT_MAX, 3);
    return (this._config?.show_header === false ? 1 : 3) + 5 * Math.max(shown, 1);
  }

  getGridOptions(): Record<string, unknown> {
    return { columns: 12, min_columns: 6, rows: "auto" };
  }

  private get _t(): Translate {
    return translator(this.hass?.locale?.language ?? this.hass?.language);
  }

  private get _language(): string {
    return this.hass?.locale?.language ?? this.hass?.language ?? "en";
  }

  /** A count as the user's number format (their profile's) writes it. */
  private _count = (n: number): string =>
    formatCount(n, { language: this._language, number_format: this.hass?.locale?.number_format });

  /** The state of the integration's entity with this translation key. */
  private _entity(key: string): HassEntity | undefined {
    if (!this._entityIds[key] && this.hass?.entities) {
      for (const entry of Object.values(this.hass.entities)) {
        if (entry.platform === DOMAIN && entry.translation_key) {
          this._entityIds[entry.translation_key] = entry.entity_id;
        }
      }
    }
    const entityId = this._entityIds[key];
    return entityId ? this.hass?.states[entityId] : undefined;
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (!changed.has("hass") || !this.hass) return;
    // Reload when an analysis starts or ends or a suggestion is handled anywhere.
    const watched = RELOAD_WHEN_CHANGED
      .map((key) => this._entity(key)?.state ?? "")
      .join("|");
    if (watched !== this._watched || this._status === undefined) {
      this._watched = watched;
      void this._refresh();
    }
  }

  /** Names and states as the home shows them, for the pictures. */
  private get _context(): PictureContext {
    const hass = this.hass;
    return {
      t: this._t,
      language: this._language,
      name: (entityId) => {
        const name = hass?.states[entityId]?.attributes.friendly_name;
        return typeof name === "string" && name ? name : prettify(entityId.split(".").slice(1).join("."));
      },
      state: (entityId, state) => {
        const stateObj = hass?.states[entityId];
        return stateObj && hass?.formatEntityState ? hass.formatEntityState(stateObj, state) : state;
      },
    };
  }

  private async _refresh(): Promise<void> {
    if (!this.hass || !this._config) return;
    const request = ++this._request;
    const query: Record<string, unknown> = {
      type: `${DOMAIN}/suggestions`,
      status: "new",
      limit: this._config.max_suggestions ?? DEFAULT_MAX,
    };
    if (this._config.kinds?.length) query.kinds = this._config.kinds;
    if (this._config.areas?.length) query.area_ids = this._config.areas;
    try {
      const [status, page] = await Promise.all([
        this.hass.callWS<StatusAnswer>({ type: `${DOMAIN}/status` }),
        this.hass.callWS<SuggestionsPage>(query),
      ]);
      if (request !== this._request) return;
      this._status = status;
      this._suggestions = page.suggestions;
      this._total = page.total;
      this._error = undefined;
    } catch (err) {
      if (request !== this._request) return;
      const code = err && typeof err === "object" && "code" in err ? err.code : undefined;
      this._error =
        code === "not_loaded" ? this._t("not_loaded") : this._t("load_error", { error: errorText(err) });
    }
  }

  private async _runAnalysis(): Promise<void> {
    if (!this.hass) return;
    this._running = true;
    try {
      await this.hass.callService(DOMAIN, "run_analysis", {});
    } catch (err) {
      this._error = this._t("action_failed", { error: errorText(err) });
    } finally {
      this._running = false;
    }
    await this._refresh();
  }

  private async _decide(suggestion: StoredSuggestion, decision: string): Promise<void> {
    if (!this.hass) return;
    this._busy = new Set([...this._busy, suggestion.id]);
    try {
      const result = await this.hass.callWS<StoredSuggestion>({
        type: `${DOMAIN}/suggestions/handle`,
        suggestion_id: suggestion.id,
        decision,
        ...(decision === "snooze" ? { days: SNOOZE_DAYS } : {}),
      });
      if (decision === "snooze" || decision === "dismiss") this._offerUndo(suggestion, decision);
      if (decision === "accept") {
        this._created = [
          ...this._created,
          {
            id: suggestion.id,
            title: result.ai_worded ? result.title : suggestionText(suggestion, this._context).title,
            automationId: result.automation_id ?? `${DOMAIN}_${suggestion.id}`,
          },
        ];
      }
      this._suggestions = this._suggestions?.filter((item) => item.id !== suggestion.id);
      this._error = undefined;
    } catch (err) {
      this._error = this._t("action_failed", { error: errorText(err) });
    } finally {
      const busy = new Set(this._busy);
      busy.delete(suggestion.id);
      this._busy = busy;
    }
    await this._refresh();
  }

  /** Say what was done in the card, with Undo, until UNDO_SECONDS have passed. */
  private _offerUndo(suggestion: StoredSuggestion, decision: "snooze" | "dismiss"): void {
    const timer = window.setTimeout(() => this._forgetUndo(suggestion.id), UNDO_SECONDS * 1000);
    this._forgetUndo(suggestion.id);
    this._undoable = [...this._undoable, { id: suggestion.id, title: suggestion.title, decision, timer }];
  }

  private _forgetUndo(id: string): void {
    const item = this._undoable.find((undoable) => undoable.id === id);
    if (!item) return;
    window.clearTimeout(item.timer);
    this._undoable = this._undoable.filter((undoable) => undoable.id !== id);
  }

  private async _undo(item: Undoable): Promise<void> {
    if (!this.hass) return;
    this._forgetUndo(item.id);
    try {
      await this.hass.callWS<StoredSuggestion>({
        type: `${DOMAIN}/suggestions/handle`,
        suggestion_id: item.id,
        decision: "restore",
      });
      this._error = undefined;
    } catch (err) {
      this._error = this._t("action_failed", { error: errorText(err) });
    }
    await this._refresh();
  }

  protected override render(): TemplateResult {
    const t = this._t;
    return html`
      <ha-card>
        ${this._config?.show_header === false ? nothing : this._renderHeader(t)}
        ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
        ${this._created.length
          ? html`<ul class="suggestions created" aria-live="polite">
              ${this._created.map(
                (created) => html`<li class="suggestion done" data-id=${created.id}>
                  <span>${t("created", { title: created.title })}</span> ·
                  <a href="/config/automation/edit/${created.automationId}">${t("open_editor")}</a>
                </li>`,
              )}
            </ul>`
          : nothing}
        ${this._undoable.length
          ? html`<ul class="undoable" role="status" aria-live="polite">
              ${repeat(
                this._undoable,
                (item) => item.id,
                (item) => html`<li class="done" data-undo=${item.id} data-decision=${item.decision}>
                  <span>${item.decision === "snooze"
                    ? t("snoozed_notice", { days: SNOOZE_DAYS, title: item.title })
                    : t("dismissed_notice", { title: item.title })}</span>
                  <button class="undo" @click=${() => this._undo(item)}>${t("undo")}</button>
                </li>`,
              )}
            </ul>`
          : nothing}
        ${this._renderSuggestions(t)}
      </ha-card>
    `;
  }

  private _renderHeader(t: Translate): TemplateResult {
    return renderHeader({
      t,
      language: this._language,
      broker: this._entity("mqtt_broker")?.state,
      bridge: this._entity("zigbee2mqtt_bridge")?.state,
      status: this._status,
      running: this._running || this._status?.running || this._entity("last_run_status")?.state === "running",
      onRun: () => void this._runAnalysis(),
      count: this._count,
    });
  }

  private _renderSuggestions(t: Translate): TemplateResult | typeof nothing {
    if (this._suggestions === undefined) return nothing;
    if (!this._suggestions.length) {
      return html`<p class="empty">${emptyText(this._status, t, this._count)}</p>`;
    }
    const more = this._total - this._suggestions.length;
    return html`
      <ul class="suggestions">
        ${repeat(
          this._suggestions,
          (suggestion) => suggestion.id,
          (suggestion) => this._renderSuggestion(suggestion, t),
        )}
      </ul>
      ${more > 0 ? html`<div class="more">${t("more", { n: more })}</div>` : nothing}
    `;
  }

  private _renderSuggestion(suggestion: StoredSuggestion, t: Translate): TemplateResult {
    return renderSuggestion(suggestion, {
      t,
      context: this._context,
      busy: this._busy.has(suggestion.id),
      decisions: this._status?.decisions ?? ["accept", "dismiss"],
      onDecide: (item, decision) => void this._decide(item, decision),
    });
  }
}

declare global {
  interface Window {
    customCards?: Record<string, unknown>[];
  }
}

/** Define the card and its editor, and announce the card to the card picker. */
function register(): void {
  if (!customElements.get("ai-automation-card-editor")) {
    customElements.define("ai-automation-card-editor", AiAutomationCardEditor);
  }
  if (customElements.get(CARD_TYPE)) return;
  customElements.define(CARD_TYPE, AiAutomationCard);
  const t = translator(browserLanguage());
  window.customCards = window.customCards ?? [];
  window.customCards.push({
    type: CARD_TYPE,
    name: t("card_name"),
    description: t("card_description"),
    preview: true,
    documentationURL: "https://github.com/ai-automation-team/ai_automation#dashboard-card",
  });
}

// The integration loads this module next to Home Assistant's own app, which replaces
// window.customElements with a scoped registry when it starts: an element defined before that
// is not found by the dashboards. So define once the app's root element exists.
void customElements.whenDefined("home-assistant").then(register);
