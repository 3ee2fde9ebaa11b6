/** The evidence pictures, in plain SVG coloured by Home Assistant's theme variables. */

import { html, nothing, svg, type SVGTemplateResult, type TemplateResult } from "lit";

import type { Translate } from "./translations";
import type {
  BacktestDay,
  CapabilityEvidence,
  DelayHistogram,
  Evidence,
  HabitSeries,
} from "./types";

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
  const x = (minute: number) => GUTTER + (minute / 1440) * plotWidth;
  const y = (day: number) => top + day * rowHeight + rowHeight / 2;
  const wanted = countedDays(evidence.days);
  const first = new Date(`${series.first_day}T12:00:00`);
  const weekday = new Intl.DateTimeFormat(language, { weekday: "short" });
  const rows = Array.from({ length: days }, (_, day) => {
    const date = new Date(first.getTime() + day * 86400000);
    return { day, date, counted: wanted.includes(date.getDay()) };
  });
  const labelEvery = rowHeight >= 10 ? 1 : 7;
  const radius = Math.min(3, rowHeight / 2 - 0.3);
  const band = series.band;
  const label = band
    ? t("habit_picture", { days, from: clock(band[0]), to: clock(band[1]) })
    : t("habit_picture", { days, from: evidence.median_time ?? "", to: evidence.median_time ?? "" });
  const bandRects: SVGTemplateResult[] = [];
  if (series.bands?.length) {
    series.bands.forEach((perDay, day) => {
      if (!perDay) return;
      for (const [from, to] of spans(perDay)) {
        bandRects.push(
          svg`<rect class="band" x=${x(from)} y=${top + day * rowHeight} width=${Math.max(x(to) - x(from), 1.5)} height=${rowHeight}></rect>`,
        );
      }
    });
  } else if (band) {
    for (const [from, to] of spans(band)) {
      bandRects.push(
        svg`<rect class="band" x=${x(from)} y=${top} width=${Math.max(x(to) - x(from), 1.5)} height=${plotHeight}></rect>`,
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
            <text class="axis" x=${x(hour * 60)} y=${height - 3} text-anchor=${hour === 24 ? "end" : "middle"}>${String(hour).padStart(2, "0")}</text>`,
        )}
        ${rows.map(({ day, date, counted }) =>
          day % labelEvery === 0 || day === days - 1
            ? svg`<text class=${counted ? "day" : "day other"} x=${GUTTER - 4} y=${y(day) + 2.5} text-anchor="end">${weekday.format(date)} ${date.getDate()}</text>`
            : nothing,
        )}
        ${series.times.map(([day, minute]) => {
          const counted = rows[day]?.counted ?? true;
          return svg`<circle class=${counted ? "dot" : "dot other"} cx=${x(minute)} cy=${y(day)} r=${radius}></circle>`;
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
        ${evidence.sun_event
          ? html`<span class="key">${t("sun_relative", { event: evidence.sun_event })}</span>`
          : nothing}
      </figcaption>
    </figure>
  `;
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
  const label = t("delay_picture", { n: total, window: Math.round(delays.window_seconds) });
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

function backtestDays(evidence: Evidence): BacktestDay[] {
  if (evidence.backtest === undefined && Array.isArray(evidence.backtest_days)) {
    // The integration's replay: each held-out day right, near (the same day, further off) or wrong.
    return evidence.backtest_days.map((day) => ({
      date: day.date,
      hit: day.result === "right",
      near: day.result === "near",
    }));
  }
  const raw = evidence.backtest;
  const list = Array.isArray(raw) ? raw : raw?.days ?? [];
  return list.map((day) => (typeof day === "boolean" ? { hit: day } : day));
}

/** The last days as hits and misses, when the engine backtested the suggestion. */
export function backtestPicture(evidence: Evidence, t: Translate): TemplateResult | typeof nothing {
  const days = backtestDays(evidence);
  if (!days.length) return nothing;
  const hits = days.filter((day) => day.hit).length;
  const label = t("backtest", { total: days.length, hits });
  const size = Math.min(14, (WIDTH - 8) / days.length - 2);
  return html`
    <figure class="picture">
      <svg viewBox="0 0 ${WIDTH} ${size + 4}" role="img" aria-label=${label}>
        <title>${label}</title>
        ${days.map(
          (day, index) =>
            svg`<rect class=${day.hit ? "hit" : day.near ? "near" : "miss"} x=${4 + index * (size + 2)} y="2" width=${size} height=${size} rx="2"><title>${day.date ?? ""} ${day.hit ? t("hit") : day.near ? t("near") : t("miss")}</title></rect>`,
        )}
      </svg>
      <figcaption>
        <span class="key"><span class="swatch hit"></span>${label}</span>
      </figcaption>
    </figure>
  `;
}

/** Every picture the evidence has data for: known kinds and kinds this card does not know yet. */
export function evidencePictures(
  evidence: Evidence,
  t: Translate,
  language: string,
): (TemplateResult | typeof nothing)[] {
  return [
    evidence.series ? habitPicture(evidence.series, evidence, t, language) : nothing,
    evidence.delays ? delayPicture(evidence.delays, evidence.median_delay_seconds, t) : nothing,
    evidence.capability ? capabilityPicture(evidence.capability, t) : nothing,
    backtestPicture(evidence, t),
  ];
}
