/** The evidence pictures' look: their rows, bands, bars, cells, swatches and captions. */

import { css } from "lit";

export const pictureStyles = css`
  figure.picture {
    margin: 8px 0;
    /* (the labels' size follows the picture's width: see the container query below) */
    container-type: inline-size;
  }
  figure.picture svg {
    display: block;
    width: 100%;
    height: auto;
    max-height: 260px;
  }
  figcaption {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 14px;
    font-size: 12px;
    color: var(--aa-muted);
    margin-top: 4px;
  }
  .key {
    display: inline-flex;
    align-items: center;
    gap: 5px;
  }
  .swatch {
    width: 10px;
    height: 10px;
    border-radius: 2px;
    display: inline-block;
  }
  .swatch.band {
    background: color-mix(in srgb, var(--aa-accent) 35%, transparent);
    box-shadow: inset 0 0 0 1px var(--aa-accent);
  }
  .swatch.other {
    background: var(--disabled-text-color, #bdbdbd);
  }
  .swatch.bar {
    background: var(--aa-accent);
  }
  .swatch.median {
    width: 2px;
    background: var(--primary-text-color);
  }
  .swatch.window,
  .swatch.unused {
    background: var(--aa-divider);
  }
  .swatch.usual {
    background: var(--aa-accent);
    border-radius: 50%;
  }
  .swatch.right,
  .swatch.kept {
    background: var(--aa-ok);
  }
  .swatch.near {
    background: var(--aa-warn);
  }
  .swatch.wrong,
  .swatch.undone {
    background: var(--aa-bad);
  }
  .swatch.sun {
    width: 2px;
    background: var(--aa-warn);
  }
  svg .row {
    fill: transparent;
  }
  svg .row.other {
    fill: var(--aa-divider);
    opacity: 0.5;
  }
  /* Edged, so that the band stands out on a dark card as on a light one. */
  svg .band {
    fill: var(--aa-accent);
    fill-opacity: 0.28;
    stroke: var(--aa-accent);
    stroke-opacity: 0.8;
    stroke-width: 0.8;
  }
  svg .grid {
    stroke: var(--aa-divider);
    stroke-width: 0.6;
  }
  svg text {
    font-family: var(--ha-font-family-body, var(--paper-font-body1_-_font-family, sans-serif));
  }
  svg .axis,
  svg .day {
    font-size: 9px;
    fill: var(--aa-muted);
  }
  /* A picture is drawn 320 units wide: at a phone's width 9 units would be 8 pixels. */
  @container (max-width: 420px) {
    svg .axis,
    svg .day {
      font-size: 11px;
    }
  }
  svg .day.other {
    opacity: 0.5;
  }
  svg .dot {
    fill: var(--aa-accent);
  }
  svg .dot.other {
    fill: var(--disabled-text-color, #bdbdbd);
  }
  svg .bar {
    fill: var(--aa-accent);
  }
  svg .window {
    fill: var(--aa-divider);
    opacity: 0.45;
  }
  svg .median {
    stroke: var(--primary-text-color);
    stroke-width: 1.2;
    stroke-dasharray: 3 2;
  }
  svg .range {
    fill: var(--aa-divider);
  }
  svg .usual {
    fill: var(--aa-accent);
    stroke: var(--card-background-color, #fff);
    stroke-width: 2;
  }
  svg .cell.right,
  svg .cell.kept {
    fill: var(--aa-ok);
  }
  svg .cell.near {
    fill: var(--aa-warn);
  }
  svg .cell.wrong,
  svg .cell.undone {
    fill: var(--aa-bad);
  }
  svg .sun {
    stroke: var(--aa-warn);
    stroke-width: 1.5;
  }
  .badge {
    display: inline-block;
    font-size: 11px;
    padding: 1px 8px;
    margin: 0 0 2px 6px;
    border-radius: 10px;
    background: var(--secondary-background-color, rgba(127, 127, 127, 0.12));
    color: var(--primary-text-color);
    vertical-align: 1px;
  }
  ul.members {
    list-style: none;
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    margin: 0;
    padding: 0;
  }
  li.member {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    font-size: 13px;
    padding: 2px 4px 2px 10px;
    border-radius: 14px;
    border: 1px solid var(--aa-divider);
    color: var(--primary-text-color);
  }
  .member-state {
    font-size: 12px;
    padding: 1px 8px;
    border-radius: 10px;
    background: var(--aa-accent);
    color: var(--text-primary-color, #fff);
  }
  figcaption a {
    color: var(--aa-accent);
  }
  .capability .device {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 6px 10px;
    font-size: 14px;
  }
  figure.picture svg.chip-icon {
    width: 20px;
    height: 20px;
    flex: none;
    fill: var(--state-icon-color, var(--aa-muted));
  }
  .device-name {
    font-weight: 500;
    color: var(--primary-text-color);
  }
  .capability-name,
  .value {
    font-size: 12px;
    padding: 2px 8px;
    border-radius: 10px;
    background: var(--secondary-background-color, rgba(127, 127, 127, 0.12));
    color: var(--primary-text-color);
  }
  .value.usual {
    background: var(--aa-accent);
    color: var(--text-primary-color, #fff);
  }
  .values {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
    margin-top: 8px;
  }
`;
