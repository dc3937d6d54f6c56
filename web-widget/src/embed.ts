import type { Lang, Mode } from "./types.ts";
import { Widget } from "./widget.ts";

/** Entry of embed.js: one widget per `<script src=".../widget/embed.js">` tag on the page. */
const MOUNTED = "data-xiaoshen-mounted";

function optionsFor(script: HTMLScriptElement, index: number) {
  const lang: Lang = script.dataset.lang === "en" ? "en" : "zh";
  const mode: Mode = script.dataset.mode === "elder" ? "elder" : "standard";
  const token = script.dataset.citizenToken || undefined;
  return { origin: new URL(script.src, document.baseURI).origin, lang, mode, index, token };
}

function mountAll(): void {
  const scripts = Array.from(document.querySelectorAll<HTMLScriptElement>("script[src*='/widget/embed.js']"));
  const current = document.currentScript as HTMLScriptElement | null;
  if (current && !scripts.includes(current)) scripts.push(current);
  scripts.forEach((script, index) => {
    if (script.hasAttribute(MOUNTED)) return;
    script.setAttribute(MOUNTED, "");
    new Widget(optionsFor(script, index));
  });
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountAll, { once: true });
else mountAll();
