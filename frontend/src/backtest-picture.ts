/** The backtest's picture: the last days or triggers replayed, right, near or wrong. */

import { html, nothing, svg, type TemplateResult } from "lit";

import { WIDTH } from "./picture-frame";
import type { Translate } from "./translations";
import type { BacktestResult, Evidence } from "./types";

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
