/** The evidence pictures, in plain SVG coloured by Home Assistant's theme variables. */

import { html, nothing, svg, type SVGTemplateResult, type TemplateResult } from "lit";

import type { StringKey, Translate } from "./translations";
import type {
  BacktestResult,
  CapabilityEvidence,
  DelayHistogram,
  Evidence,
  HabitSeries,
  StoredSuggestion,
} from "./types";

/** What the pictures need besides the evidence: words, and the home's names and states. */
export interface PictureContext {
  t: Translate;
  language: string;
  name(entityId: string): string;
  state(entityId: string, state: string): string;
}

const WIDTH = 320;
const GUTTER = 44; // day labels
const RIGHT = 8;
const DAY_TYPES: Record<string, number[]> = {
  all: [0, 1, 2, 3, 4, 5, 6],
  weekdays: [1, 2, 3, 4, 5],
  weekends: [0, 6],
};
const WEEKDAY_NUMBERS: Record<string, number> = {
  sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6,
};

/** The days a habit counts: a day type, or a set of weekdays ("mon,wed,fri"). */
function countedDays(days: string | undefined): number[] {
  if (days === undefined) return DAY_TYPES.all;
  if (DAY_TYPES[days]) return DAY_TYPES[days];
  const set = days
    .split(",")
    .map((name) => WEEKDAY_NUMBERS[name.trim()])
    .filter((day) => day !== undefined);
  return set.length ? set : DAY_TYPES.all;
}

/** "06:45" for a minute of the day. */
export function clock(minute: number): string {
  const whole = ((Math.round(minute) % 1440) + 1440) % 1440;
  return `${String(Math.floor(whole / 60)).padStart(2, "0")}:${String(whole % 60).padStart(2, "0")}`;
}

function spans(band: [number, number]): [number, number][] {
  const [from, to] = band;
  return from <= to ? [[from, to]] : [[from, 1440], [0, to]];
}

/** Minutes of the day modulo a day, always 0..1439. */
function wrap(minute: number): number {
  return ((minute % 1440) + 1440) % 1440;
}

// A habit this close to midnight (minutes) is drawn on an axis from noon to noon, so that it is
// whole in the middle of its row instead of split across both edges.
const NEAR_MIDNIGHT = 240;

/** Where the time axis starts: midnight, or noon for a habit around midnight. */
export function axisStart(series: HabitSeries, evidence: Evidence): number {
  let centre: number | undefined;
  if (series.band) centre = middle(series.band);
  else if (typeof evidence.median_time === "string" && /^\d{1,2}:\d{2}/.test(evidence.median_time)) {
    const [hours, minutes] = evidence.median_time.split(":").map(Number);
    centre = hours * 60 + minutes;
  } else if (series.times.length) {
    // The circular mean of the times: 23:50 and 00:10 average to midnight, not noon.
    const angles = series.times.map(([, minute]) => (minute / 1440) * 2 * Math.PI);
    const sin = angles.reduce((sum, a) => sum + Math.sin(a), 0);
    const cos = angles.reduce((sum, a) => sum + Math.cos(a), 0);
    centre = wrap((Math.atan2(sin, cos) / (2 * Math.PI)) * 1440);
  }
  if (centre === undefined) return 0;
  const fromMidnight = Math.min(wrap(centre), 1440 - wrap(centre));
  return fromMidnight < NEAR_MIDNIGHT ? 720 : 0;
}

/** The middle of a band, in minutes of the day (a band may wrap midnight). */
function middle(band: [number, number]): number {
  return band[0] + ((((band[1] - band[0]) % 1440) + 1440) % 1440) / 2;
}

/** One row per day, a dot at each time, the suggested time as a band, other day types grey. */
export function habitPicture(
  series: HabitSeries,
  evidence: Evidence,
  t: Translate,
  language: string,
): TemplateResult {
  const days = Math.max(series.days, 1);
  const rowHeight = days <= 21 ? 11 : Math.max(3, 230 / days);
  const top = 4;
  const plotHeight = days * rowHeight;
  const height = top + plotHeight + 15;
  const plotWidth = WIDTH - GUTTER - RIGHT;
  // The axis runs from `start` to `start` the next day; a time before `start` is on the row of
  // the day before (with start at noon, a row is a night: Mon 5 is Monday noon to Tuesday noon).
  const start = axisStart(series, evidence);
  const x = (minute: number) => GUTTER + (minute / 1440) * plotWidth;
  const along = (minute: number) => wrap(minute - start);
  const rowOf = (day: number, minute: number) => (start && wrap(minute) < start ? day - 1 : day);
  const shifted = (band: [number, number]): [number, number][] => spans([along(band[0]), along(band[1])]);
  const y = (day: number) => top + day * rowHeight + rowHeight / 2;
  const wanted = countedDays(evidence.days);
  const first = new Date(`${series.first_day}T12:00:00`);
  const weekday = new Intl.DateTimeFormat(language, { weekday: "short" });
  const rows = Array.from({ length: days }, (_, day) => {
    const date = new Date(first.getTime() + day * 86400000);
    return { day, date, counted: wanted.includes(date.getDay()) && !series.unrecorded?.includes(day) };
  });
  const labelEvery = rowHeight >= 10 ? 1 : 7;
  const radius = Math.min(3, rowHeight / 2 - 0.3);
  const band = series.band;
  const label = band
    ? t("habit_picture", { days, from: clock(band[0]), to: clock(band[1]) })
    : t("habit_picture", { days, from: evidence.median_time ?? "", to: evidence.median_time ?? "" });
  const bandRects: SVGTemplateResult[] = [];
  const sunLines: SVGTemplateResult[] = [];
  const sun = sunText(evidence, t);
  const offset = evidence.offset_minutes;
  if (series.bands) {
    // A habit that follows the sun: each day's band on the clock, and that day's sun event.
    series.bands.forEach((dayBand, day) => {
      if (!dayBand) return;
      const row = rowOf(day, middle(dayBand));
      if (row < 0 || row >= days) return;
      const rowTop = top + row * rowHeight;
      for (const [from, to] of shifted(dayBand)) {
        bandRects.push(
          svg`<rect class="band" x=${x(from)} y=${rowTop} width=${Math.max(x(to) - x(from), 1.5)} height=${rowHeight}></rect>`,
        );
      }
      if (sun && typeof offset === "number") {
        const minute = along(middle(dayBand) - offset);
        sunLines.push(
          svg`<line class="sun" x1=${x(minute)} x2=${x(minute)} y1=${rowTop} y2=${rowTop + rowHeight}></line>`,
        );
      }
    });
  } else if (band) {
    for (const [from, to] of shifted(band)) {
      bandRects.push(
        svg`<rect class="band" x=${x(from)} y=${top} width=${Math.max(x(to) - x(from), 1.5)} height=${plotHeight}></rect>`,
      );
    }
    if (sun && typeof offset === "number") {
      // Times in the sun's frame: the event is one line, the offset before the band's middle.
      const minute = along(middle(band) - offset);
      sunLines.push(
        svg`<line class="sun" x1=${x(minute)} x2=${x(minute)} y1=${top} y2=${top + plotHeight}></line>`,
      );
    }
  }
  return html`
    <figure class="picture">
      <svg viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label=${label}>
        <title>${label}</title>
        ${rows.map(
          ({ day, counted }) =>
            svg`<rect class=${counted ? "row" : "row other"} x=${GUTTER} y=${top + day * rowHeight} width=${plotWidth} height=${rowHeight}></rect>`,
        )}
        ${bandRects}
        ${[0, 6, 12, 18, 24].map(
          (hour) => svg`
            <line class="grid" x1=${x(hour * 60)} x2=${x(hour * 60)} y1=${top} y2=${top + plotHeight}></line>
            <text class="axis" x=${x(hour * 60)} y=${height - 3} text-anchor=${hour === 24 ? "end" : hour === 0 ? "start" : "middle"}>${String(start ? (start / 60 + hour) % 24 : hour).padStart(2, "0")}</text>`,
        )}
        ${rows.map(({ day, date, counted }) =>
          day % labelEvery === 0 || day === days - 1
            ? svg`<text class=${counted ? "day" : "day other"} x=${GUTTER - 4} y=${y(day) + 2.5} text-anchor="end">${weekday.format(date)} ${date.getDate()}</text>`
            : nothing,
        )}
        ${sunLines}
        ${series.times.map(([day, minute]) => {
          const row = rowOf(day, minute);
          if (row < 0 || row >= days) return nothing;
          const counted = rows[day]?.counted ?? true;
          return svg`<circle class=${counted ? "dot" : "dot other"} cx=${x(along(minute))} cy=${y(row)} r=${radius}></circle>`;
        })}
      </svg>
      <figcaption>
        ${band
          ? html`<span class="key"><span class="swatch band"></span>${t("suggested_time")}
              ${clock(band[0])}–${clock(band[1])}</span>`
          : nothing}
        ${wanted.length < 7
          ? html`<span class="key"><span class="swatch other"></span>${t("other_days")}</span>`
          : nothing}
        ${sun
          ? html`<span class="key sun-text">${sunLines.length ? html`<span class="swatch sun"></span>` : nothing}${sun}</span>`
          : nothing}
      </figcaption>
    </figure>
  `;
}

/** "40 s", "2 min": a duration as people say it (whole minutes from 90 s on). */
function duration(seconds: number): string {
  return seconds < 90 ? `${Math.round(seconds)} s` : `${Math.round(seconds / 60)} min`;
}

/** The delays between trigger and action as a histogram over the window. */
export function delayPicture(
  delays: DelayHistogram,
  median: number | undefined,
  t: Translate,
): TemplateResult {
  const height = 96;
  const left = 24;
  const bottom = 18;
  const plotWidth = WIDTH - left - RIGHT;
  const plotHeight = height - bottom - 6;
  const total = delays.counts.reduce((sum, count) => sum + count, 0);
  const most = Math.max(...delays.counts, 1);
  const span = delays.bin_seconds * delays.counts.length || 1;
  const x = (seconds: number) => left + (Math.min(seconds, span) / span) * plotWidth;
  const barWidth = plotWidth / Math.max(delays.counts.length, 1);
  const label = t("delay_picture", { n: total, window: duration(delays.window_seconds) });
  const ticks = [0, span / 2, span];
  return html`
    <figure class="picture">
      <svg viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label=${label}>
        <title>${label}</title>
        <rect class="window" x=${left} y="6" width=${x(delays.window_seconds) - left} height=${plotHeight}></rect>
        ${delays.counts.map((count, bin) => {
          const barHeight = (count / most) * (plotHeight - 4);
          return svg`<rect class="bar" x=${left + bin * barWidth + 1} y=${6 + plotHeight - barHeight} width=${Math.max(barWidth - 2, 1)} height=${barHeight}><title>${bin * delays.bin_seconds}–${(bin + 1) * delays.bin_seconds} s: ${count}</title></rect>`;
        })}
        <line class="grid" x1=${left} x2=${WIDTH - RIGHT} y1=${6 + plotHeight} y2=${6 + plotHeight}></line>
        ${median !== undefined
          ? svg`<line class="median" x1=${x(median)} x2=${x(median)} y1="6" y2=${6 + plotHeight}></line>`
          : nothing}
        ${ticks.map(
          (tick, index) =>
            svg`<text class="axis" x=${x(tick)} y=${height - 5} text-anchor=${["start", "middle", "end"][index]}>${Math.round(tick)} s</text>`,
        )}
        <text class="axis" x=${left - 4} y="12" text-anchor="end">${most}</text>
      </svg>
      <figcaption>
        <span class="key"><span class="swatch bar"></span>${t("seconds_after")}</span>
        ${median !== undefined
          ? html`<span class="key"><span class="swatch median"></span>${t("typical", { s: Math.round(median) })}</span>`
          : nothing}
        <span class="key"><span class="swatch window"></span>${label.split(";")[1]?.trim() ?? ""}</span>
      </figcaption>
    </figure>
  `;
}

function prettify(name: string): string {
  const text = name.replace(/_/g, " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

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

/** One cell of the backtest row. */
interface BacktestCell {
  result: BacktestResult;
  label: string; // the day or the moment, for its tooltip
  day?: Date; // a habit's day, labelled under its cell
}

const RESULTS: BacktestResult[] = ["right", "near", "wrong"];

function asResult(value: unknown): BacktestResult {
  return RESULTS.includes(value as BacktestResult) ? (value as BacktestResult) : "wrong";
}

/** A habit's replayed days, or a sequence's replayed triggers, oldest first. */
function backtestCells(evidence: Evidence, language: string): { cells: BacktestCell[]; unit: "days" | "times" } {
  if (evidence.backtest_days?.length) {
    const weekday = new Intl.DateTimeFormat(language, { weekday: "short", day: "numeric", month: "short" });
    return {
      unit: "days",
      cells: evidence.backtest_days.map((day) => {
        const date = new Date(`${day.date}T12:00:00`);
        return { result: asResult(day.result), label: weekday.format(date), day: date };
      }),
    };
  }
  const moment = new Intl.DateTimeFormat(language, { weekday: "short", hour: "2-digit", minute: "2-digit" });
  return {
    unit: "times",
    cells: (evidence.backtest_triggers ?? []).map((trigger) => ({
      result: asResult(trigger.result),
      label: moment.format(new Date(trigger.at * 1000)),
    })),
  };
}

/** The last days (a habit) or triggers (a sequence) replayed: right, near or wrong. */
export function backtestPicture(evidence: Evidence, t: Translate, language: string): TemplateResult | typeof nothing {
  const { cells, unit } = backtestCells(evidence, language);
  if (!cells.length) return nothing;
  const count = (result: BacktestResult) => cells.filter((cell) => cell.result === result).length;
  const right = evidence.backtest_right ?? count("right");
  const near = evidence.backtest_near ?? count("near");
  const wrong = evidence.backtest_wrong ?? count("wrong");
  const key = unit === "days" ? (near ? "backtest_days_near" : "backtest_days") : "backtest_times";
  const label = t(key, { right, near, wrong, total: cells.length });
  const gap = cells.length <= 40 ? 2 : 0;
  const size = Math.max(Math.min(14, (WIDTH - 8) / cells.length - gap), 0.5);
  const labelled = unit === "days" && cells.length <= 14;
  const height = size + 4 + (labelled ? 12 : 0);
  const weekday = new Intl.DateTimeFormat(language, { weekday: "narrow" });
  return html`
    <figure class="picture backtest">
      <svg viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label=${label}>
        <title>${label}</title>
        ${cells.map(
          (cell, index) =>
            svg`<rect class="cell ${cell.result}" x=${4 + index * (size + gap)} y="2" width=${size} height=${size} rx=${gap ? 2 : 0}><title>${cell.label}: ${t(cell.result)}</title></rect>`,
        )}
        ${labelled
          ? cells.map((cell, index) =>
              cell.day
                ? svg`<text class="axis" x=${4 + index * (size + gap) + size / 2} y=${height - 1} text-anchor="middle">${weekday.format(cell.day)}</text>`
                : nothing,
            )
          : nothing}
      </svg>
      <figcaption>
        <span class="key"><span class="swatch right"></span>${t("right")}</span>
        ${near ? html`<span class="key"><span class="swatch near"></span>${t("near")}</span>` : nothing}
        <span class="key"><span class="swatch wrong"></span>${t("wrong")}</span>
        <span class="key backtest-text">${label}</span>
      </figcaption>
    </figure>
  `;
}

/** "30 min after sunset, usually within 6 min of it (by the clock within 21 min)", for a sun habit. */
export function sunText(evidence: Evidence, t: Translate): string | undefined {
  const { event, offset_minutes: offset } = evidence;
  if (typeof event !== "string" || typeof offset !== "number") return undefined;
  const eventName = event === "sunset" || event === "sunrise" ? t(event) : event;
  const minutes = Math.round(offset);
  const relative =
    minutes === 0
      ? t("at_event", { event: eventName })
      : t(minutes > 0 ? "after_event" : "before_event", { min: Math.abs(minutes), event: eventName });
  const spread = evidence.spread_minutes;
  const clockSpread = evidence.clock_spread_minutes;
  if (typeof spread !== "number" || typeof clockSpread !== "number") return relative;
  return t("sun_spread", { relative, spread: Math.round(spread), clock: Math.round(clockSpread) });
}

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
