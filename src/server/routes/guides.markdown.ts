/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

const LIST_ITEM = /^\s*[-*]\s+(.*)$/;
const ORDERED_ITEM = /^\s*\d+[.、]\s*(.*)$/;
const SUBHEADING = /^###\s+(.*)$/;

/** Inline Markdown the guides use (bold, http(s) links), applied to already escaped text. */
function inline(escaped: string): string {
  return escaped
    .replace(/\*\*(.+?)\*\*/g, "<strong>$1</strong>")
    .replace(/\[([^\]]+)\]\((https?:\/\/[^\s)]+)\)/g, '<a href="$2" rel="noopener">$1</a>');
}

/**
 * The small Markdown subset of guide sections (paragraphs, lists, ### questions) as HTML.
 * Every character is escaped before markup is added, so guide text can never inject HTML.
 */
export function markdownToHtml(markdown: string): string {
  const html: string[] = [];
  let list: "ul" | "ol" | undefined;
  let paragraph: string[] = [];
  const flushParagraph = () => {
    if (paragraph.length) html.push(`<p>${paragraph.join("<br>")}</p>`);
    paragraph = [];
  };
  const closeList = () => {
    if (list) html.push(`</${list}>`);
    list = undefined;
  };
  for (const line of markdown.split(/\r?\n/)) {
    const escaped = inline(escapeHtml(line.trim()));
    const bullet = LIST_ITEM.exec(line);
    const numbered = bullet ? undefined : ORDERED_ITEM.exec(line);
    const subheading = SUBHEADING.exec(line);
    if (!line.trim()) {
      flushParagraph();
      closeList();
    } else if (subheading) {
      flushParagraph();
      closeList();
      html.push(`<h3>${inline(escapeHtml(subheading[1] ?? ""))}</h3>`);
    } else if (bullet || numbered) {
      flushParagraph();
      const kind = bullet ? "ul" : "ol";
      if (list !== kind) {
        closeList();
        html.push(`<${kind}>`);
        list = kind;
      }
      html.push(`<li>${inline(escapeHtml((bullet ?? numbered)?.[1] ?? ""))}</li>`);
    } else {
      closeList();
      paragraph.push(escaped);
    }
  }
  flushParagraph();
  closeList();
  return html.join("\n");
}
