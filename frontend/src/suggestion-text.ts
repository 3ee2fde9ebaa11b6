/** A suggestion's title and evidence sentence in the profile's language, rendered from its structure.
 *
 * The engine stores them in English; for German and Dutch the card says them again from the
 * automation and the evidence. English, a suggestion the AI worded, and a kind this file does not
 * know keep the stored words.
 */

import { capabilityText } from "./capability-text";
import { wholeMinutes } from "./numbers";
import type { Evidence, StoredSuggestion } from "./types";

type Words = Record<string, string>;

const de: Words = {
  on: "{name} einschalten",
  off: "{name} ausschalten",
  open: "{name} öffnen",
  closed: "{name} schließen",
  locked: "{name} abschließen",
  unlocked: "{name} aufschließen",
  playing: "{name} abspielen",
  paused: "{name} pausieren",
  set: "{name} auf {state} stellen",
  and: "und",
  around: "gegen {time}",
  every_day: "jeden Tag",
  on_weekdays: "an Werktagen",
  at_weekends: "am Wochenende",
  on_days: "an {days}",
  word_all: "Tagen",
  word_weekdays: "Werktagen",
  word_weekends: "Wochenendtagen",
  word_list: "Tagen ({days})",
  someone_home: ", wenn jemand zu Hause ist",
  at_sunset: "bei Sonnenuntergang",
  at_sunrise: "bei Sonnenaufgang",
  after_sunset: "{n} min nach Sonnenuntergang",
  after_sunrise: "{n} min nach Sonnenaufgang",
  before_sunset: "{n} min vor Sonnenuntergang",
  before_sunrise: "{n} min vor Sonnenaufgang",
  when: "wenn {trigger}",
  last_leaves: "die letzte Person geht",
  first_arrives: "die erste Person ankommt",
  arrives: "{name} ankommt",
  leaves: "{name} geht",
  turns: "{name} zu „{state}“ wechselt",
  fires: "{name} auslöst",
  habit: "An {n} von {of} {word} gesehen, meist auf {spread} genau.",
  sun: "An {n} von {of} {word} {relative} gesehen, meist auf {spread} genau (nach der Uhr auf {clock}).",
  habit_backtest: " Hätte an {right} von den letzten {total} {word} gestimmt, an {wrong} nicht.",
  away: " Nie, während niemand zu Hause war (an {away} {word}).",
  away_one: " Nie, während niemand zu Hause war (an 1 Tag).",
  sequence: "Bei {n} von {of} Malen, meist {delay} später; {otherwise}.",
  second: "{n} Sekunde",
  seconds: "{n} Sekunden",
  minute: "{n} Minute",
  minutes: "{n} Minuten",
  when_for: "wenn {trigger} und {duration} lang so bleibt",
  almost_never: "sonst passiert es fast nie",
  rarely: "sonst passiert es selten",
  less_often: "sonst passiert es viel seltener",
  times_backtest: " In den letzten 7 Tagen hätte es {right} von {total} Malen gestimmt.",
  group: "{n} von {of} Malen zusammen gemacht (innerhalb einer Minute), an {days} verschiedenen Tagen.",
  override_title: "Automatisierung ändern oder entfernen: {automation}",
  override: "An {undone} von {acted} Tagen, an denen sie {name} schaltete, hat jemand es innerhalb von Minuten zurückgestellt.",
};

const nl: Words = {
  on: "{name} aanzetten",
  off: "{name} uitzetten",
  open: "{name} openen",
  closed: "{name} sluiten",
  locked: "{name} vergrendelen",
  unlocked: "{name} ontgrendelen",
  playing: "{name} afspelen",
  paused: "{name} pauzeren",
  set: "{name} op {state} zetten",
  and: "en",
  around: "rond {time}",
  every_day: "elke dag",
  on_weekdays: "op werkdagen",
  at_weekends: "in het weekend",
  on_days: "op {days}",
  word_all: "dagen",
  word_weekdays: "werkdagen",
  word_weekends: "weekenddagen",
  word_list: "dagen ({days})",
  someone_home: " als er iemand thuis is",
  at_sunset: "bij zonsondergang",
  at_sunrise: "bij zonsopkomst",
  after_sunset: "{n} min na zonsondergang",
  after_sunrise: "{n} min na zonsopkomst",
  before_sunset: "{n} min voor zonsondergang",
  before_sunrise: "{n} min voor zonsopkomst",
  when: "als {trigger}",
  last_leaves: "de laatste persoon vertrekt",
  first_arrives: "de eerste persoon thuiskomt",
  arrives: "{name} thuiskomt",
  leaves: "{name} vertrekt",
  turns: "{name} naar ‘{state}’ gaat",
  fires: "{name} afgaat",
  habit: "Gezien op {n} van {of} {word}, meestal tot op {spread} nauwkeurig.",
  sun: "Gezien op {n} van {of} {word} {relative}, meestal tot op {spread} nauwkeurig (op de klok tot op {clock}).",
  habit_backtest: " Zou op {right} van de laatste {total} {word} goed zijn geweest, op {wrong} fout.",
  away: " Nooit als er niemand thuis was (op {away} {word}).",
  away_one: " Nooit als er niemand thuis was (op 1 dag).",
  sequence: "Na {n} van de {of} keer, meestal {delay} later; {otherwise}.",
  second: "{n} seconde",
  seconds: "{n} seconden",
  minute: "{n} minuut",
  minutes: "{n} minuten",
  when_for: "als {trigger} en dat {duration} zo blijft",
  almost_never: "anders gebeurt het bijna nooit",
  rarely: "anders gebeurt het zelden",
  less_often: "anders gebeurt het veel minder vaak",
  times_backtest: " In de laatste 7 dagen zou het {right} van de {total} keer goed zijn geweest.",
  group: "{n} van de {of} keer samen gedaan (binnen een minuut), op {days} verschillende dagen.",
  override_title: "Automatisering wijzigen of verwijderen: {automation}",
  override: "Op {undone} van de {acted} dagen dat ze {name} schakelde, zette iemand het binnen enkele minuten terug.",
};

const LANGUAGES: Record<string, Words> = { de, nl };
const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const ACTIONS: Record<string, string> = {
  turn_on: "on",
  turn_off: "off",
  open_cover: "open",
  close_cover: "closed",
  lock: "locked",
  unlock: "unlocked",
  media_play: "playing",
  media_pause: "paused",
};

/** How the card names an entity and says one of its states, in the profile's language. */
export interface TextContext {
  language: string;
  name: (entityId: string) => string;
  state: (entityId: string, state: string) => string;
}

type Record_ = Record<string, unknown>;

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

function list(items: string[], words: Words): string {
  return items.length < 2 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} ${words.and} ${items[items.length - 1]}`;
}

function weekdayNames(days: string[], language: string): string[] {
  const format = new Intl.DateTimeFormat(language, { weekday: "short" });
  // 2024-01-01 was a Monday.
  return days.map((day) => format.format(new Date(2024, 0, 1 + Math.max(DAYS.indexOf(day), 0))));
}

/** ("an Werktagen", "Werktagen"): when the automation runs, and what its days are called. */
function dayWords(automation: Record_, words: Words, language: string): [string, string] {
  const conditions = (automation.conditions as Record_[] | undefined) ?? [];
  const found = conditions.find((c) => c.condition === "time" && Array.isArray(c.weekday));
  const days = found ? (found.weekday as string[]) : DAYS;
  const key = days.join(",");
  if (days.length === 7) return [words.every_day, words.word_all];
  if (key === "mon,tue,wed,thu,fri") return [words.on_weekdays, words.word_weekdays];
  if (key === "sat,sun") return [words.at_weekends, words.word_weekends];
  const names = weekdayNames(days, language);
  return [fill(words.on_days, { days: list(names, words) }), fill(words.word_list, { days: names.join(", ") })];
}

function someoneHome(automation: Record_): boolean {
  const conditions = (automation.conditions as Record_[] | undefined) ?? [];
  return conditions.some((c) => c.condition === "numeric_state" && c.entity_id === "zone.home");
}

function offsetMinutes(offset: unknown): number {
  if (typeof offset === "number") return Math.round(offset / 60);
  if (typeof offset !== "string" || !offset) return 0;
  const negative = offset.startsWith("-");
  const [h = 0, m = 0, s = 0] = offset.replace(/^[-+]/, "").split(":").map(Number);
  return (negative ? -1 : 1) * Math.round(h * 60 + m + s / 60);
}

function sunRelative(trigger: Record_, words: Words): string | undefined {
  const event = trigger.event;
  if (event !== "sunset" && event !== "sunrise") return undefined;
  const minutes = offsetMinutes(trigger.offset);
  if (!minutes) return words[`at_${event}`];
  return fill(words[`${minutes > 0 ? "after" : "before"}_${event}`], { n: Math.abs(minutes) });
}

function triggerWords(trigger: Record_, words: Words, context: TextContext): string | undefined {
  const entityId = trigger.entity_id;
  if (typeof entityId !== "string") return undefined;
  const to = trigger.to === undefined ? undefined : String(trigger.to);
  const name = context.name(entityId);
  if (entityId === "zone.home" && to === "0") return words.last_leaves;
  if (entityId === "zone.home" && to === "1") return words.first_arrives;
  const domain = entityId.split(".")[0];
  if ((domain === "person" || domain === "device_tracker") && (to === "home" || to === "not_home")) {
    return fill(words[to === "home" ? "arrives" : "leaves"], { name });
  }
  if (to === undefined) return fill(words.fires, { name });
  return fill(words.turns, { name, state: context.state(entityId, to) });
}

/** When the automation runs: "gegen 06:45 an Werktagen", "30 min nach Sonnenuntergang jeden Tag". */
function whenWords(automation: Record_, words: Words, context: TextContext): string | undefined {
  const trigger = ((automation.triggers as Record_[] | undefined) ?? [])[0];
  if (!trigger) return undefined;
  const home = someoneHome(automation) ? words.someone_home : "";
  const [days] = dayWords(automation, words, context.language);
  if (trigger.trigger === "time" && typeof trigger.at === "string") {
    return `${fill(words.around, { time: trigger.at.slice(0, 5) })} ${days}${home}`;
  }
  if (trigger.trigger === "sun") {
    const relative = sunRelative(trigger, words);
    return relative && `${relative} ${days}${home}`;
  }
  if (trigger.trigger === "state") {
    const said = triggerWords(trigger, words, context);
    if (!said) return undefined;
    if (trigger.for === undefined) return `${fill(words.when, { trigger: said })}${home}`;
    const held = holdSeconds(trigger.for);
    if (held === undefined) return undefined;  // a wait it cannot say: the stored words stay
    return `${fill(words.when_for, { trigger: said, duration: durationWords(held, words) })}${home}`;
  }
  return undefined;
}

/** What the automation does: "Flurlicht und Stehlampe einschalten und Rollladen schließen". */
function doWords(automation: Record_, words: Words, context: TextContext): string | undefined {
  const byState = new Map<string, string[]>();
  for (const action of (automation.actions as Record_[] | undefined) ?? []) {
    const service = String(action.action ?? "");
    const target = (action.target as Record_ | undefined)?.entity_id;
    if (typeof target !== "string") return undefined;
    const [domain, verb] = service.split(".");
    let key = ACTIONS[verb ?? ""];
    if (domain === "scene") key = "on";
    if (domain === "climate" && verb === "set_hvac_mode") {
      key = `set:${String((action.data as Record_ | undefined)?.hvac_mode ?? "")}`;
    }
    if (!key) return undefined;
    byState.set(key, [...(byState.get(key) ?? []), target]);
  }
  if (!byState.size) return undefined;
  return [...byState.entries()]
    .map(([key, targets]) => {
      const name = list(targets.map(context.name), words);
      if (!key.startsWith("set:")) return fill(words[key], { name });
      return fill(words.set, { name, state: context.state(targets[0], key.slice(4)) });
    })
    .join(` ${words.and} `);
}

/** How long a trigger's state must last (`for:` as a mapping or "HH:MM:SS"), in seconds. */
function holdSeconds(hold: unknown): number | undefined {
  if (typeof hold === "string") {
    const parts = hold.split(":").map(Number);
    if (parts.length !== 3 || parts.some((part) => !Number.isFinite(part))) return undefined;
    return parts[0] * 3600 + parts[1] * 60 + parts[2];
  }
  if (hold === null || typeof hold !== "object") return undefined;
  const given = hold as Record<string, unknown>;
  return num(given.hours) * 3600 + num(given.minutes) * 60 + num(given.seconds);
}

/** A delay as a household says it: seconds below a minute and a half, whole minutes above. */
function durationWords(seconds: number, words: Words): string {
  return seconds < 90 ? counted("second", Math.round(seconds), words) : counted("minute", Math.round(seconds / 60), words);
}

/** How close in minutes: "1 Minute", "8 Minuten" (at least one, as English says). */
function minutesWords(minutes: number, words: Words): string {
  return counted("minute", wholeMinutes(minutes), words);
}

/** `n` seconds or minutes, one in the singular: "1 Sekunde", "40 Sekunden". */
function counted(unit: "second" | "minute", n: number, words: Words): string {
  return fill(words[n === 1 ? unit : `${unit}s`], { n });
}

function num(value: unknown): number {
  return typeof value === "number" && Number.isFinite(value) ? value : 0;
}

function habitDescription(suggestion: StoredSuggestion, words: Words, context: TextContext): string | undefined {
  const evidence: Evidence = suggestion.evidence ?? {};
  const automation = suggestion.automation ?? {};
  if (evidence.distinct_days === undefined || evidence.eligible_days === undefined) return undefined;
  const [, word] = dayWords(automation, words, context.language);
  const values = { n: num(evidence.distinct_days), of: num(evidence.eligible_days), word, spread: minutesWords(num(evidence.spread_minutes), words) };
  let text: string;
  if (suggestion.kind === "sun") {
    const relative = sunRelative({ event: evidence.event, offset: num(evidence.offset_minutes) * 60 }, words);
    if (!relative) return undefined;
    text = fill(words.sun, { ...values, relative, clock: minutesWords(num(evidence.clock_spread_minutes), words) });
  } else {
    text = fill(words.habit, values);
  }
  if (evidence.backtest_right !== undefined) {
    const right = num(evidence.backtest_right);
    const wrong = num(evidence.backtest_wrong);
    const total = evidence.backtest_days?.length ?? right + num(evidence.backtest_near) + wrong;
    text += fill(words.habit_backtest, { right, wrong, total, word });
  }
  if (suggestion.kind === "habit" && num(evidence.away_days)) {
    const away = num(evidence.away_days);
    text += fill(away === 1 ? words.away_one : words.away, { away, word });
  }
  return text;
}

function timesBacktest(evidence: Evidence, words: Words): string {
  if (evidence.backtest_right === undefined) return "";
  const right = num(evidence.backtest_right);
  return fill(words.times_backtest, { right, total: right + num(evidence.backtest_wrong) });
}

function sequenceDescription(evidence: Evidence, words: Words): string | undefined {
  if (evidence.occurrences === undefined || evidence.trigger_count === undefined) return undefined;
  const lift = num(evidence.lift);
  const chance = lift ? num(evidence.confidence) / lift : 0;
  const otherwise = chance < 0.02 ? words.almost_never : chance < 0.1 ? words.rarely : words.less_often;
  const text = fill(words.sequence, {
    n: num(evidence.occurrences),
    of: num(evidence.trigger_count),
    delay: durationWords(num(evidence.median_delay_seconds), words),
    otherwise,
  });
  return text + timesBacktest(evidence, words);
}

function groupDescription(evidence: Evidence, words: Words): string | undefined {
  if (evidence.together === undefined) return undefined;
  const text = fill(words.group, {
    n: num(evidence.together),
    of: Math.max(num(evidence.times), num(evidence.together)),
    days: num(evidence.distinct_days),
  });
  return text + (evidence.started_by === "first" ? timesBacktest(evidence, words) : "");
}

function overrideText(suggestion: StoredSuggestion, words: Words, context: TextContext): [string, string] | undefined {
  const evidence = suggestion.evidence ?? {};
  const separator = suggestion.title.indexOf(": ");
  if (evidence.acted_days === undefined || separator < 0 || !suggestion.entities.length) return undefined;
  return [
    fill(words.override_title, { automation: suggestion.title.slice(separator + 2) }),
    fill(words.override, {
      undone: num(evidence.undone_days),
      acted: num(evidence.acted_days),
      name: context.name(suggestion.entities[suggestion.entities.length - 1]),
    }),
  ];
}

/** Return the suggestion's title and evidence sentence in `context.language` (stored words when it cannot). */
export function suggestionText(suggestion: StoredSuggestion, context: TextContext): { title: string; description: string } {
  const stored = { title: suggestion.title, description: suggestion.description };
  const words = LANGUAGES[context.language.split("-")[0].toLowerCase()];
  if (!words || suggestion.ai_worded) return stored;
  if (suggestion.kind === "unused_capability") {
    const said = capabilityText(suggestion, context.language);
    return said ? { title: said[0], description: said[1] } : stored;
  }
  if (suggestion.kind === "override") {
    const said = overrideText(suggestion, words, context);
    return said ? { title: said[0], description: said[1] } : stored;
  }
  const automation = suggestion.automation;
  if (!automation || !["habit", "sun", "sequence", "group"].includes(suggestion.kind)) return stored;
  const doing = doWords(automation, words, context);
  const when = whenWords(automation, words, context);
  const evidence = suggestion.evidence ?? {};
  const description =
    suggestion.kind === "sequence"
      ? sequenceDescription(evidence, words)
      : suggestion.kind === "group"
        ? groupDescription(evidence, words)
        : habitDescription(suggestion, words, context);
  if (!doing || !when || !description) return stored;
  return { title: `${doing} ${when}`, description };
}
