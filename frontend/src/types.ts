/** The parts of Home Assistant's frontend objects the card reads. */

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
  locale?: { language: string };
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

/** A habit's days and times, as the engine keeps them (see frontend/README.md). */
export interface HabitSeries {
  first_day: string; // ISO date of the first row
  days: number;
  times: [number, number][]; // [day index, minute of the day]
  band?: [number, number]; // suggested time, minutes of the day (may wrap midnight)
  // A habit that follows the sun: its band on each day, on the clock (null: no sun event that day).
  bands?: ([number, number] | null)[];
  // Day indices Home Assistant did not record: drawn as not counted.
  unrecorded?: number[];
}

export interface DelayHistogram {
  window_seconds: number;
  bin_seconds: number;
  counts: number[];
}

export interface CapabilityEvidence {
  device: string;
  property: string;
  label?: string | null;
  unit?: string | null;
  min?: number | null;
  max?: number | null;
  values?: string[];
  /** The one value seen while the device was in use, in `unit`. */
  value?: number | string | null;
}

export type BacktestResult = "right" | "near" | "wrong";

export interface GroupMember {
  entity_id: string;
  state: string;
}

export interface Evidence {
  days?: string; // "all", "weekdays", "weekends"
  median_time?: string;
  median_delay_seconds?: number;
  series?: HabitSeries;
  delays?: DelayHistogram;
  capability?: CapabilityEvidence;
  spread_minutes?: number;
  away_days?: number;
  // A habit's own times, per day (when there is no series).
  day_times?: { date: string; minute: number }[];
  // The backtest: a habit's held-out days, or a sequence's triggers (UTC seconds).
  backtest_right?: number;
  backtest_near?: number;
  backtest_wrong?: number;
  backtest_days?: { date: string; result: BacktestResult }[];
  backtest_triggers?: { at: number; result: BacktestResult }[];
  // A habit that follows the sun.
  event?: string; // "sunset" or "sunrise"
  offset_minutes?: number;
  clock_spread_minutes?: number;
  // A group of things done together.
  members?: GroupMember[];
  together?: number;
  share?: number;
  started_by?: string; // "habit", "sun", "sequence" or "first"
  // An accepted automation people keep undoing.
  suggestion_id?: string;
  acted_days?: number;
  undone_days?: number;
  [key: string]: unknown;
}

export interface Suggestion {
  id: string;
  kind: string;
  title: string;
  description: string;
  evidence_text?: string;
  ai_worded?: boolean;
  automation: Record<string, unknown> | null;
  evidence: Evidence;
  entities: string[];
  status: string;
  automation_id?: string;
}

export interface RunSummary {
  timestamp?: string;
  success?: boolean;
  status?: string;
  patterns_detected?: number;
  suggestions_generated?: number;
  suggestions_open?: number;
  events_analysed?: number;
  history_days?: number;
  error?: string | null;
}

export interface Status {
  running: boolean;
  last_run: RunSummary;
  suggestions_open: number;
  lookback_days: number;
  min_days: number;
  decisions: string[];
}
