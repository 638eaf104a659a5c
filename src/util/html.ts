// Text and attribute values put into the webviews' HTML (the lab view, the class grid, the
// network diagram): one escaper, safe inside element text and in single- or double-quoted attributes.
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}
