/** The card's header (health, last run, the Run button), and what an empty list says instead. */

import { html, type TemplateResult } from "lit";

import type { StringKey, Translate } from "./translations";
import type { StatusAnswer } from "./types";

/** What the header shows: the entities' states and the status the card last read. */
export interface HeaderState {
  t: Translate;
  language: string;
  broker?: string; // the MQTT broker's connectivity entity
  bridge?: string; // the Zigbee2MQTT bridge's connectivity entity
  status?: StatusAnswer;
  running: boolean; // a run is going (started here, or as the status or the sensor says)
  count: (n: number) => string; // a count as the user's number format writes it
  onRun: () => void;
}

/** The header: the broker's and the bridge's health, the last run, the button that runs one. */
export function renderHeader(header: HeaderState): TemplateResult {
  const { t, broker, bridge, language } = header;
  const brokerText =
    broker === "on" ? t("connected") : broker === "off" ? t("disconnected") : t("unknown");
  const bridgeText =
    bridge === "on"
      ? t("online")
      : bridge === "off"
        ? t("offline")
        : bridge === "unknown"
          ? t("not_seen")
          : t("unknown");
  const run = header.status?.last_run ?? {};
  const running = header.running;
  const facts: string[] = [];
  if (running) {
    facts.push(t("status_running"));
  } else if (run.status) {
    const key = `status_${run.status}` as StringKey;
    facts.push(t(key) === key ? run.status : t(key));
    if (run.success) {
      facts.push(t("changes_read", { n: header.count(run.events_analysed ?? 0) }));
      facts.push(t("new_suggestions", { n: run.suggestions_generated ?? 0 }));
    }
  }
  return html`
    <h2 class="card-title">${t("card_name")}</h2>
    <div class="header">
      <div class="health">
        <span class="pill broker"><span class="dot ${broker === "on" ? "ok" : "bad"}"></span>${t("broker")}: ${brokerText}</span>
        <span class="pill bridge"><span class="dot ${bridge === "on" ? "ok" : bridge === "off" ? "bad" : "warn"}"></span>${t("bridge")}: ${bridgeText}</span>
      </div>
      <div class="run">
        <span class="last-run">${t("last_analysis")}:
          <strong title=${run.timestamp ? new Date(run.timestamp).toLocaleString(language) : ""}>${run.timestamp ? ago(run.timestamp, language) : t("never")}</strong>${facts.map((fact) => html` · <span class="fact">${fact}</span>`)}</span>
        <button class="run-analysis" ?disabled=${running} @click=${header.onRun}>
          ${running ? t("running") : t("run_analysis")}
        </button>
      </div>
    </div>
  `;
}

/** "5 minutes ago", in the home's language. */
function ago(timestamp: string, language: string): string {
  const seconds = (new Date(timestamp).getTime() - Date.now()) / 1000;
  const format = new Intl.RelativeTimeFormat(language, { numeric: "auto" });
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ["day", 86400],
    ["hour", 3600],
    ["minute", 60],
  ];
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return format.format(Math.min(0, Math.round(seconds)), "second");
}

/** What the list says when it is empty: no run yet, the run failed, too little history, or nothing found. */
export function emptyText(
  status: StatusAnswer | undefined,
  t: Translate,
  count: (n: number) => string,
): string {
  const run = status?.last_run ?? {};
  if (!run.status) return t("no_run");
  if (run.status === "failed") return t("failed", { error: run.error ?? "" });
  const days = run.history_days;
  if (days !== undefined && days !== null && status && days < status.min_days) {
    return t("short_history", { days: Math.floor(days), min: status.min_days });
  }
  return t("nothing_found", { events: count(run.events_analysed ?? 0) });
}
