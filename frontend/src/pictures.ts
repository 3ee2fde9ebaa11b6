/** The evidence pictures, in plain SVG coloured by Home Assistant's theme variables: every picture the
 * evidence has data for, and the presence badges. */

import { nothing, type TemplateResult } from "lit";

import { backtestPicture } from "./backtest-picture";
import { capabilityPicture } from "./capability-picture";
import { delayPicture } from "./delay-picture";
import { groupPicture } from "./group-picture";
import { habitPicture } from "./habit-picture";
import { overridePicture } from "./override-picture";
import type { PictureContext } from "./picture-frame";
import type { Evidence, HabitSeries, StoredSuggestion } from "./types";

/** Short words for what presence has to do with a suggestion: someone home, arriving, leaving. */
export function presenceBadges(suggestion: StoredSuggestion, context: PictureContext): string[] {
  const { t } = context;
  const automation = suggestion.automation ?? {};
  const badges: string[] = [];
  const triggers = Array.isArray(automation.triggers) ? (automation.triggers as Record<string, unknown>[]) : [];
  for (const trigger of triggers) {
    const entity = trigger.entity_id;
    const to = String(trigger.to ?? "");
    if (typeof entity !== "string") continue;
    const domain = entity.split(".", 1)[0];
    if (entity === "zone.home" && to === "0") badges.push(t("last_leaves"));
    else if (entity === "zone.home" && to === "1") badges.push(t("first_arrives"));
    else if ((domain === "person" || domain === "device_tracker") && (to === "home" || to === "not_home")) {
      badges.push(t(to === "home" ? "arrives" : "leaves", { name: context.name(entity) }));
    }
  }
  const conditions = Array.isArray(automation.conditions)
    ? (automation.conditions as Record<string, unknown>[])
    : [];
  if (conditions.some((condition) => condition.entity_id === "zone.home") || suggestion.evidence?.away_days) {
    badges.push(t("someone_home"));
  }
  return badges;
}

/** A habit's per-day times when the engine sent no series: one row per day from the first. */
function seriesFromDayTimes(evidence: Evidence): HabitSeries | undefined {
  const dayTimes = evidence.day_times;
  if (!dayTimes?.length) return undefined;
  const day = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86400000);
  const dates = [...dayTimes.map((item) => item.date), ...(evidence.backtest_days ?? []).map((item) => item.date)];
  const first = Math.min(...dates.map(day));
  const last = Math.max(...dates.map(day));
  return {
    first_day: new Date(first * 86400000).toISOString().slice(0, 10),
    days: last - first + 1,
    times: dayTimes.map((item) => [day(item.date) - first, item.minute]),
  };
}

/** Every picture the evidence has data for: known kinds and kinds this card does not know yet. */
export function evidencePictures(evidence: Evidence, context: PictureContext): (TemplateResult | typeof nothing)[] {
  const { t, language } = context;
  const series = evidence.series ?? seriesFromDayTimes(evidence);
  return [
    groupPicture(evidence, context),
    series ? habitPicture(series, evidence, t, language) : nothing,
    evidence.delays ? delayPicture(evidence.delays, evidence.median_delay_seconds, t) : nothing,
    evidence.capability ? capabilityPicture(evidence.capability, t) : nothing,
    backtestPicture(evidence, t, language),
    overridePicture(evidence, t),
  ];
}
