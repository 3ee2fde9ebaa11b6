/** A habit's picture: one row per day, a dot at each time, the suggested time as a band; a sun habit's words. */

import { html, nothing, svg, type SVGTemplateResult, type TemplateResult } from "lit";

import { wholeMinutes } from "./numbers";
import { RIGHT, WIDTH } from "./picture-frame";
import type { Translate } from "./translations";
import type { Evidence, HabitSeries } from "./types";

const GUTTER = 44; // day labels
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
  return t("sun_spread", { relative, spread: wholeMinutes(spread), clock: wholeMinutes(clockSpread) });
}
