/** The card's look: Home Assistant's theme variables, so light and dark themes just work. */

import { css, type CSSResultGroup } from "lit";

import { pictureStyles } from "./picture-styles";

/** The header, the run line, the buttons and the list of suggestions. */
const frameStyles = css`
  :host {
    --aa-accent: var(--primary-color, #03a9f4);
    --aa-muted: var(--secondary-text-color, #727272);
    --aa-divider: var(--divider-color, rgba(0, 0, 0, 0.12));
    --aa-ok: var(--success-color, #43a047);
    --aa-bad: var(--error-color, #db4437);
    --aa-warn: var(--warning-color, #ffa600);
  }
  ha-card {
    overflow: hidden;
  }
  .card-title {
    font-size: var(--ha-card-header-font-size, 24px);
    font-weight: var(--ha-font-weight-normal, 400);
    color: var(--ha-card-header-color, var(--primary-text-color));
    padding: 16px 16px 0;
    margin: 0;
    line-height: 1.3;
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px 16px;
    padding: 12px 16px;
    border-bottom: 1px solid var(--aa-divider);
  }
  .health {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    flex: 1 1 240px;
  }
  .pill {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    font-size: 13px;
    padding: 2px 10px 2px 8px;
    border-radius: 14px;
    background: var(--secondary-background-color, rgba(127, 127, 127, 0.12));
    color: var(--primary-text-color);
    white-space: nowrap;
  }
  .dot {
    width: 8px;
    height: 8px;
    border-radius: 50%;
    background: var(--aa-muted);
    flex: none;
  }
  .dot.ok {
    background: var(--aa-ok);
  }
  .dot.bad {
    background: var(--aa-bad);
  }
  .dot.warn {
    background: var(--aa-warn);
  }
  .run {
    flex: 1 1 100%;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 8px;
    font-size: 14px;
    color: var(--aa-muted);
  }
  .run strong {
    color: var(--primary-text-color);
    font-weight: 500;
  }
  .fact {
    white-space: nowrap; /* "353 changes read" stays on one line on a phone */
  }
  button {
    font: inherit;
    font-size: 14px;
    font-weight: 500;
    letter-spacing: 0.01em;
    border-radius: var(--ha-button-border-radius, 18px);
    min-height: 36px;
    padding: 0 16px;
    cursor: pointer;
    border: 1px solid var(--aa-accent);
    background: transparent;
    color: var(--aa-accent);
  }
  button.primary {
    background: var(--aa-accent);
    color: var(--text-primary-color, #fff);
  }
  button:disabled {
    cursor: default;
    opacity: 0.5;
  }
  button:focus-visible,
  summary:focus-visible,
  a:focus-visible {
    outline: 2px solid var(--aa-accent);
    outline-offset: 2px;
  }
  .empty,
  .error {
    padding: 16px;
    color: var(--aa-muted);
    font-size: 14px;
    line-height: 1.5;
    margin: 0;
  }
  .error {
    color: var(--aa-bad);
  }
  ul.suggestions {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  li.suggestion {
    padding: 16px;
    border-bottom: 1px solid var(--aa-divider);
  }
  li.suggestion:last-child {
    border-bottom: none;
  }
  .kind {
    display: inline-block;
    font-size: 11px;
    font-weight: 500;
    text-transform: uppercase;
    letter-spacing: 0.06em;
    color: var(--aa-accent);
    margin-bottom: 2px;
  }
  h3 {
    font-size: 16px;
    font-weight: 500;
    margin: 0 0 4px;
    color: var(--primary-text-color);
    line-height: 1.35;
  }
  p.evidence {
    font-size: 14px;
    margin: 0 0 8px;
    color: var(--aa-muted);
    line-height: 1.45;
  }
`;

/** Under a suggestion: its automation, the hints, the decisions, and what was decided. */
const decisionStyles = css`
  details {
    margin: 8px 0;
    font-size: 14px;
  }
  summary {
    cursor: pointer;
    color: var(--aa-accent);
    padding: 4px 0;
    border-radius: 4px;
  }
  pre {
    margin: 6px 0 0;
    padding: 8px 12px;
    overflow-x: auto;
    font-family: var(--ha-font-family-code, var(--code-font-family, monospace));
    font-size: 12.5px;
    line-height: 1.5;
    border-radius: 8px;
    background: var(--code-editor-background-color, var(--secondary-background-color, rgba(127, 127, 127, 0.1)));
    color: var(--primary-text-color);
  }
  .hint {
    font-size: 13px;
    color: var(--aa-muted);
    margin: 6px 0 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    justify-content: flex-end;
    margin-top: 8px;
  }
  .done {
    font-size: 14px;
    color: var(--primary-text-color);
  }
  .done a {
    color: var(--aa-accent);
    font-weight: 500;
  }
  ul.undoable {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .undoable li {
    padding: 12px 16px;
    border-bottom: 1px solid var(--aa-divider);
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 8px;
  }
  .more {
    padding: 8px 16px 12px;
    font-size: 13px;
    color: var(--aa-muted);
  }
`;

// In this order, as one sheet before: a later rule wins over an earlier one as specific.
export const cardStyles: CSSResultGroup = [frameStyles, pictureStyles, decisionStyles];
