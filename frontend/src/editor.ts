/** The card's visual editor: which kinds, which areas, how many, whether to show the header. */

import { LitElement, html, nothing, type TemplateResult } from "lit";

import { translator, type StringKey } from "./translations";
import type { CardConfig, HomeAssistant } from "./types";

const KINDS = ["habit", "sequence", "unused_capability"];

interface SchemaField {
  name: string;
}

/** Make sure Home Assistant's ha-form is defined (it is loaded lazily by its own editors). */
async function loadHaForm(): Promise<void> {
  if (customElements.get("ha-form")) return;
  const helpers = await (
    window as unknown as { loadCardHelpers?: () => Promise<{ createCardElement(c: object): HTMLElement }> }
  ).loadCardHelpers?.();
  const card = helpers?.createCardElement({ type: "entities", entities: [] });
  await (card?.constructor as unknown as { getConfigElement?: () => Promise<unknown> })?.getConfigElement?.();
}

export class AiAutomationCardEditor extends LitElement {
  static override properties = {
    hass: { attribute: false },
    _config: { state: true },
  };

  declare hass?: HomeAssistant;
  declare _config?: CardConfig;

  setConfig(config: CardConfig): void {
    this._config = config;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void loadHaForm().then(() => this.requestUpdate());
  }

  protected override render(): TemplateResult | typeof nothing {
    if (!this.hass || !this._config) return nothing;
    const t = translator(this.hass.locale?.language ?? this.hass.language);
    const schema = [
      {
        name: "kinds",
        selector: {
          select: {
            multiple: true,
            mode: "list",
            options: KINDS.map((kind) => ({ value: kind, label: t(`kind_${kind}` as StringKey) })),
          },
        },
      },
      { name: "areas", selector: { area: { multiple: true } } },
      { name: "max_suggestions", selector: { number: { min: 1, max: 50, mode: "box" } } },
      { name: "show_header", selector: { boolean: {} } },
    ];
    const data = { show_header: true, max_suggestions: 5, ...this._config };
    return html`<ha-form
      .hass=${this.hass}
      .data=${data}
      .schema=${schema}
      .computeLabel=${(field: SchemaField) => t(field.name as StringKey)}
      @value-changed=${this._changed}
    ></ha-form>`;
  }

  private _changed(event: CustomEvent<{ value: CardConfig }>): void {
    event.stopPropagation();
    const config: CardConfig = { ...this._config, ...event.detail.value } as CardConfig;
    for (const key of ["kinds", "areas"] as const) {
      if (!config[key]?.length) delete config[key];
    }
    this._config = config;
    this.dispatchEvent(
      new CustomEvent("config-changed", { detail: { config }, bubbles: true, composed: true }),
    );
  }
}
