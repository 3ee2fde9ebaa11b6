/** The automation a suggestion creates, written the way Home Assistant's YAML editor shows it. */

const PLAIN = /^[A-Za-z0-9_][A-Za-z0-9_ .:/+-]*$/;
const RESERVED = /^(true|false|yes|no|on|off|null|~|[0-9.:+-]+)$/i;

function scalar(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  const text = String(value);
  if (PLAIN.test(text) && !RESERVED.test(text) && !text.endsWith(" ") && !text.includes(": ")) {
    return text;
  }
  return JSON.stringify(text);
}

function lines(value: unknown, indent: string): string[] {
  if (Array.isArray(value)) {
    if (!value.length) return [];
    return value.flatMap((item) => {
      const inner = lines(item, indent + "  ");
      if (item !== null && typeof item === "object" && inner.length) {
        return [`${indent}- ${inner[0].trimStart()}`, ...inner.slice(1)];
      }
      return [`${indent}- ${scalar(item)}`];
    });
  }
  if (value !== null && typeof value === "object") {
    return Object.entries(value as Record<string, unknown>).flatMap(([key, item]) => {
      const empty = Array.isArray(item) ? !item.length : item !== null && typeof item === "object" && !Object.keys(item).length;
      if (empty) return [`${indent}${key}: ${Array.isArray(item) ? "[]" : "{}"}`];
      if (item !== null && typeof item === "object") {
        return [`${indent}${key}:`, ...lines(item, indent + "  ")];
      }
      return [`${indent}${key}: ${scalar(item)}`];
    });
  }
  return [`${indent}${scalar(value)}`];
}

/** Return `automation` as YAML text (alias and description left out: the card shows them). */
export function automationText(automation: Record<string, unknown>): string {
  const { alias: _alias, description: _description, ...rest } = automation;
  return lines(rest, "").join("\n");
}
