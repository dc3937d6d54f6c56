import { type Guide, type Material, SECTION_KEYS, SECTION_TITLES } from "../../knowledge/index.ts";
import { escapeHtml, markdownToHtml } from "./guides.markdown.ts";

export const GUIDE_STYLESHEET_PATH = "/guides/guide.css";

const MATERIAL_FORMS: Record<Material["form"], string> = {
  original: "原件",
  copy: "复印件",
  "original-and-copy": "原件及复印件",
  electronic: "电子材料",
};

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${GUIDE_STYLESHEET_PATH}">
</head>
<body>
<a class="skip" href="#content">跳到正文</a>
${body}
</body>
</html>
`;
}

function materialItem(material: Material): string {
  const details = [`${MATERIAL_FORMS[material.form]} ${material.count} 份`];
  if (material.when) details.push(escapeHtml(material.when));
  if (material.note) details.push(escapeHtml(material.note));
  const exempt = material.exempt
    ? ' <strong class="exempt" title="由政府部门核发，可调用电子证照，免于提交">两个免于提交</strong>'
    : "";
  return `<li><span class="material">${escapeHtml(material.name)}</span>${exempt}<br><small>${details.join("；")}</small></li>`;
}

/** The guide as an accessible HTML page: one section per key with `id` = section key (citation anchors). */
export function renderGuidePage(guide: Guide): string {
  const present = SECTION_KEYS.filter((key) => guide.sections[key]);
  const contents = present
    .map(
      (key) => `<li><a href="#${key}">${escapeHtml(guide.sections[key]?.heading ?? SECTION_TITLES[key].zh)}</a></li>`,
    )
    .join("");
  const sections = present
    .map((key) => {
      const section = guide.sections[key]!;
      const materials =
        key === "materials" && guide.materials.length
          ? `<h3>材料清单</h3>\n<ul class="materials">${guide.materials.map(materialItem).join("\n")}</ul>`
          : "";
      return `<section id="${key}" aria-labelledby="${key}-title">
<h2 id="${key}-title">${escapeHtml(section.heading)}</h2>
${markdownToHtml(section.body)}
${materials}
</section>`;
    })
    .join("\n");
  const sources = guide.sources
    .map(
      (source) =>
        `<li><a href="${escapeHtml(source.url)}" rel="noopener">${escapeHtml(source.title)}</a>（获取于 <time datetime="${source.retrieved}">${source.retrieved}</time>）${source.note ? `<br><small>${escapeHtml(source.note)}</small>` : ""}</li>`,
    )
    .join("\n");
  return page(
    `${guide.title.zh} · 办事指南 · 小申`,
    `<header>
<p class="crumb">上海“一网通办” · 办事指南</p>
<h1>${escapeHtml(guide.title.zh)}</h1>
<p lang="en" class="english">${escapeHtml(guide.title.en)}</p>
<p>${escapeHtml(guide.summary.zh)}</p>
<p class="meta">实施部门：${escapeHtml(guide.department.zh)} · 最近核对：<time datetime="${guide.lastVerified}">${guide.lastVerified}</time></p>
</header>
<nav aria-label="目录"><ul>${contents}<li><a href="#sources">信息来源</a></li></ul></nav>
<main id="content">
${sections}
<section id="sources" aria-labelledby="sources-title">
<h2 id="sources-title">信息来源</h2>
<ul>${sources}</ul>
<p class="meta">以上内容整理自公开的办事指南，办理前请以受理部门的最新规定为准。</p>
</section>
</main>`,
  );
}

export function renderNotFoundPage(id: string): string {
  return page(
    "未找到办事指南 · 小申",
    `<main id="content"><h1>未找到办事指南</h1><p>没有编号为“${escapeHtml(id)}”的办事指南。</p></main>`,
  );
}

export const GUIDE_STYLESHEET = `body{font-family:"PingFang SC","Microsoft YaHei","WenQuanYi Zen Hei",system-ui,sans-serif;font-size:18px;line-height:1.7;color:#1a1a1a;max-width:46em;margin:0 auto;padding:1em}
a{color:#083f78}a:focus-visible{outline:3px solid #ffbf00;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:1em;top:1em;background:#fff;padding:.5em}
.crumb,.meta,.english{color:#4d4d4d}h1{margin:.2em 0}h2{border-bottom:2px solid #0b5cad;padding-bottom:.2em;margin-top:1.6em}
section:target{background:#fff8d6;outline:3px solid #ffbf00}
.exempt{background:#1d6b3a;color:#fff;border-radius:4px;padding:0 .4em;font-size:.85em}
.materials li{margin-bottom:.5em}nav ul{display:flex;flex-wrap:wrap;gap:.4em 1em;padding:0;list-style:none}`;
