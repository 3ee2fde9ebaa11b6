/** An unused capability's title and evidence sentence in German or Dutch, from its stored structure. */

import type { StoredSuggestion } from "./types";

type Words = Record<string, string>;

const de: Words = {
  color_temp: "Farbtemperatur von {device} folgt der Tageszeit",
  brightness: "{device} nachts dunkler",
  unchanged: "{device} kann {label} ändern, im Betrieb unverändert",
  used: "{device} war in den letzten {period} Tagen an {n} Tagen in Betrieb, immer {value}.",
  used_part: "{device} war in den letzten {period} Tagen an {n} {part} in Betrieb, immer {value}.",
  part_0: "Nächten",
  part_1: "Vormittagen",
  part_2: "Nachmittagen",
  part_3: "Abenden",
  value_brightness: "mit {value} % Helligkeit",
  value_color: "in derselben Farbe",
  value_text: "auf „{value}“",
  value_number: "bei {value}",
  follow: " Sie könnte der Tageszeit folgen: tagsüber {day} K, nach Sonnenuntergang {evening} K und ab {start} {night} K.",
  night: " Zwischen {start} und {end} könnte sie mit {pct} % angehen.",
};

const nl: Words = {
  color_temp: "Kleurtemperatuur van {device} volgt het tijdstip van de dag",
  brightness: "{device} 's nachts gedimd",
  unchanged: "{device} kan {label} wijzigen, tijdens gebruik ongewijzigd",
  used: "{device} was in de laatste {period} dagen op {n} dagen in gebruik, altijd {value}.",
  used_part: "{device} was in de laatste {period} dagen op {n} {part} in gebruik, altijd {value}.",
  part_0: "nachten",
  part_1: "ochtenden",
  part_2: "middagen",
  part_3: "avonden",
  value_brightness: "op {value} % helderheid",
  value_color: "in dezelfde kleur",
  value_text: "op ‘{value}’",
  value_number: "op {value}",
  follow: " Hij zou het tijdstip kunnen volgen: overdag {day} K, na zonsondergang {evening} K en vanaf {start} {night} K.",
  night: " Tussen {start} en {end} zou hij op {pct} % aan kunnen gaan.",
};

const LANGUAGES: Record<string, Words> = { de, nl };

type Node = Record<string, unknown>;

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

/** Find the first value under `key` anywhere in an automation (its nested choose/default steps). */
function find(node: unknown, key: string, found: unknown[] = []): unknown[] {
  if (Array.isArray(node)) node.forEach((item) => find(item, key, found));
  else if (node && typeof node === "object") {
    for (const [name, value] of Object.entries(node as Node)) {
      if (name === key) found.push(value);
      else find(value, key, found);
    }
  }
  return found;
}

function valueWords(property: string, value: unknown, unit: unknown, words: Words): string {
  if (property === "brightness") return fill(words.value_brightness, { value: String(value) });
  if (property === "color") return words.value_color;
  if (typeof value === "string") return fill(words.value_text, { value });
  const shown = unit && unit !== "%" ? ` ${String(unit)}` : typeof unit === "string" ? unit : "";
  return fill(words.value_number, { value: `${String(value)}${shown}` });
}

/** Return [title, description] for an unused capability, or undefined when the structure is missing. */
export function capabilityText(suggestion: StoredSuggestion, language: string): [string, string] | undefined {
  const words = LANGUAGES[language.split("-")[0].toLowerCase()];
  const evidence = suggestion.evidence ?? {};
  const capability = evidence.capability;
  if (!words || !capability || typeof evidence.days_in_use !== "number") return undefined;
  const device = capability.device;
  const property = capability.property;
  const days = evidence.days_in_use;
  const parts = Array.isArray(evidence.part_days) ? (evidence.part_days as number[]) : [];
  const usual = parts.map((count, index) => [count, index]).filter(([count]) => days && count >= 0.6 * days);
  const values = {
    device,
    period: Number(evidence.lookback_days ?? 0),
    value: valueWords(property, capability.value ?? evidence.value, capability.unit ?? evidence.unit, words),
  };
  let description =
    usual.length === 1
      ? fill(words.used_part, { ...values, n: usual[0][0], part: words[`part_${usual[0][1]}`] })
      : fill(words.used, { ...values, n: days });
  const automation = suggestion.automation;
  if (!automation) {
    return [fill(words.unchanged, { device, label: capability.label ?? property.replace(/_/g, " ") }), description];
  }
  const after = find(automation, "after").filter((v) => typeof v === "string" && v.includes(":")) as string[];
  const before = find(automation, "before").filter((v) => typeof v === "string") as string[];
  if (property === "color_temp") {
    const kelvin = find(automation, "color_temp_kelvin") as number[];
    if (kelvin.length !== 3 || !after.length) return undefined;
    const [night, evening, day] = kelvin; // choose: night, evening; default: day
    description += fill(words.follow, { day, evening, night, start: after[0].slice(0, 5) });
    return [fill(words.color_temp, { device }), description];
  }
  if (property === "brightness") {
    const pct = find(automation, "brightness_pct")[0];
    if (typeof pct !== "number" || !after.length || !before.length) return undefined;
    description += fill(words.night, { start: after[0].slice(0, 5), end: before[0].slice(0, 5), pct });
    return [fill(words.brightness, { device }), description];
  }
  return undefined;
}
