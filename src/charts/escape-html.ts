/**
 * Text → HTML text, for the one place our charts write HTML: tooltip formatters (ECharts injects a
 * formatter's string with `innerHTML`, unescaped; platform-notes §0.1). Every data-derived piece (city
 * and series names, units, labels) goes through this; numbers we format ourselves do too.
 * Pure: no DOM, so the option builders stay usable in server-side rendering.
 */
const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/**
 * ECharts string formatters read `{a}`, `{b}`, `{@dim}` and rich-text `{style|text}`: braces in our
 * text would be taken as templates, so they become parentheses.
 */
export function escapeTemplate(text: string): string {
  return text.replace(/[{}]/g, (c) => (c === '{' ? '(' : ')'));
}
