/** The card's own types, and the parts of Home Assistant's frontend objects it reads.
 *
 * What the integration sends (the run summary, the suggestions, the websocket answers) is typed in
 * ./generated/contract.ts, generated from custom_components/ai_automation/contract.py.
 */

export type * from "./generated/contract";

export interface HassEntity {
  entity_id: string;
  state: string;
  attributes: Record<string, unknown>;
  last_changed: string;
}

export interface HassEntityRegistryEntry {
  entity_id: string;
  platform?: string;
  translation_key?: string;
}

export interface HomeAssistant {
  states: Record<string, HassEntity>;
  formatEntityState?: (stateObj: HassEntity, state?: string) => string;
  entities?: Record<string, HassEntityRegistryEntry>;
  language: string;
  locale?: { language: string; number_format?: string };
  themes?: { darkMode?: boolean };
  callWS<T>(msg: Record<string, unknown>): Promise<T>;
  callService(
    domain: string,
    service: string,
    data?: Record<string, unknown>,
  ): Promise<unknown>;
}

export interface CardConfig {
  type: string;
  kinds?: string[];
  areas?: string[];
  max_suggestions?: number;
  show_header?: boolean;
}
