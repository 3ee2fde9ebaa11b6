/** A sequence's picture: the delays between trigger and action as a histogram. */

import { html, nothing, svg, type TemplateResult } from "lit";

import { RIGHT, WIDTH } from "./picture-frame";
import type { Translate } from "./translations";
import type { DelayHistogram } from "./types";

/** "40 s", "2 min": a duration as people say it (whole minutes from 90 s on). */
function duration(seconds: number): string {
  return seconds < 90 ? `${Math.round(seconds)} s` : `${Math.round(seconds / 60)} min`;
}

/** "typically 31 s": the median delay as the picture's key says it. */
export function typicalText(median: number, t: Translate): string {
  return t("typical", { s: Math.round(median) });
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
          ? html`<span class="key"><span class="swatch median"></span>${typicalText(median, t)}</span>`
          : nothing}
        <span class="key"><span class="swatch window"></span>${label.split(";")[1]?.trim() ?? ""}</span>
      </figcaption>
    </figure>
  `;
}
