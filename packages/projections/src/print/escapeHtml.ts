const entities: Readonly<Record<string, string>> = {
  '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;',
};

/**
 * Text made safe for an HTML element or a quoted attribute: every character that could open
 * markup or end a quote becomes an entity. Every text a page prints passes through here.
 * @example escapeHtml('<b>') // '&lt;b&gt;'
 */
export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => entities[c] ?? c);
