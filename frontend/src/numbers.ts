/** Numbers as the card writes them: counts in the user's number format, minutes as the sentences say them. */

/** The user's language and number format (`hass.locale`). */
export interface NumberLocale {
  language: string;
  number_format?: string; // language, system, comma_decimal, decimal_comma, space_comma, none
}

// The locales Home Assistant's frontend formats each fixed number format with.
const FORMAT_LOCALES: Record<string, string[] | undefined> = {
  comma_decimal: ["en-US", "en"], // 1,234,567
  decimal_comma: ["de", "es", "it"], // 1.234.567
  space_comma: ["fr", "sv", "cs"], // 1 234 567
  system: undefined, // the browser's own
};

/** "48,213" (English), "48.213" (German, Dutch), "48213" where the user chose no grouping. */
export function formatCount(count: number, locale: NumberLocale): string {
  const format = locale.number_format;
  if (format === "none") return String(count);
  const locales = format !== undefined && format in FORMAT_LOCALES ? FORMAT_LOCALES[format] : locale.language;
  try {
    return new Intl.NumberFormat(locales, { maximumFractionDigits: 0 }).format(count);
  } catch {
    return String(count); // (a language the browser does not know)
  }
}

/** How close in minutes, as every sentence says it: at least 1 ("within 0 min" reads as a mistake). */
export function wholeMinutes(minutes: number): number {
  return Math.max(Math.round(minutes), 1);
}
