// Escaping for the report page: every id, URL and text in it comes from crawled, untrusted pages.

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/**
 * Escape text for HTML and SVG element content and quoted attribute values.
 *
 * @example
 * escapeHtml('<img src=x onerror="alert(1)">') // '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char)
}

/**
 * JSON that is safe inside `<script type="application/json">`: `<` is written as `\u003c`, so no
 * text can close the element or open a comment, and U+2028/U+2029 are escaped as well. JSON.parse
 * reads it back unchanged.
 *
 * @example
 * jsonForScript({ text: '</script><script>alert(1)</script>' })
 * // '{"text":"\\u003c/script>\\u003cscript>alert(1)\\u003c/script>"}'
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}
