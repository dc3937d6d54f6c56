/** The widget's CSS, scoped by the shadow root; `:host { all: initial }` stops the page's inherited styles. */
export const STYLES = `
:host { all: initial; }
* { box-sizing: border-box; }
.xs { --accent: #0b5cad; --accent-dark: #083f78; --ink: #1a1a1a; --muted: #4d4d4d; --line: #c9d3de;
  --bg: #ffffff; --soft: #eef3f9; --focus: #ffbf00; --size: 15px; --target: 40px;
  font-family: "PingFang SC", "Microsoft YaHei", "WenQuanYi Zen Hei", "Noto Sans CJK SC", system-ui, sans-serif;
  font-size: var(--size); line-height: 1.6; color: var(--ink); }
.xs.elder { --accent: #003a80; --accent-dark: #00264f; --ink: #000000; --muted: #1a1a1a; --line: #000000;
  --soft: #fff8d6; --size: 22px; --target: 56px; }
button, input, select { font: inherit; color: inherit; }
button { cursor: pointer; min-height: var(--target); min-width: var(--target); border-radius: 8px;
  border: 2px solid var(--accent); background: var(--bg); color: var(--accent-dark); padding: 4px 12px; }
button.primary { background: var(--accent); color: #fff; }
button:hover { background: var(--soft); } button.primary:hover { background: var(--accent-dark); }
button:disabled { opacity: .6; cursor: default; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; box-shadow: 0 0 0 5px #000; }
.elder :focus-visible { outline-width: 4px; }
.launcher { position: fixed; bottom: 20px; z-index: 2147483000; border-radius: 28px; padding: 10px 20px;
  background: var(--accent); color: #fff; border: 2px solid #fff; box-shadow: 0 4px 16px rgba(0,0,0,.3);
  font-weight: 600; }
.launcher:hover { background: var(--accent-dark); }
.badge { display: inline-block; margin-left: 8px; min-width: 1.5em; padding: 0 6px; border-radius: 1em;
  background: #b00020; color: #fff; font-size: .85em; line-height: 1.5; text-align: center; }
.panel { position: fixed; right: 20px; z-index: 2147483001; width: 380px; height: 600px;
  max-height: calc(100vh - 40px); max-width: calc(100vw - 24px); display: flex; flex-direction: column;
  background: var(--bg); border: 1px solid var(--line); border-radius: 12px; box-shadow: 0 8px 32px rgba(0,0,0,.3);
  overflow: hidden; }
.elder .panel { width: 520px; height: 760px; border-width: 3px; }
.panel[hidden] { display: none; }
.header { display: flex; align-items: center; gap: 6px; padding: 8px 10px; background: var(--accent); color: #fff; }
.header h2 { flex: 1; margin: 0; font-size: 1em; font-weight: 600; }
.header button { border-color: #fff; background: transparent; color: #fff; padding: 2px 8px; }
.header button:hover { background: var(--accent-dark); }
.header button[aria-pressed="true"] { background: #fff; color: var(--accent-dark); }
.log { flex: 1; overflow-y: auto; padding: 12px; display: flex; flex-direction: column; gap: 10px; }
.message { max-width: 92%; padding: 8px 12px; border-radius: 10px; white-space: pre-wrap; word-break: break-word; }
.message[data-role="user"] { align-self: flex-end; background: var(--accent); color: #fff; }
.message[data-role="assistant"], .message[data-role="system"] { align-self: flex-start; background: var(--soft);
  border: 1px solid var(--line); }
.message[data-role="agent"] { align-self: flex-start; background: #e9f7ee; border: 2px solid #1d6b3a; }
.elder .message[data-role="agent"] { background: #ffffff; border: 3px solid #000; }
.who { display: block; font-size: .8em; font-weight: 600; color: var(--muted); margin-bottom: 2px; }
.message[data-role="user"] .who { color: #fff; }
.streaming { opacity: .85; }
.citations { margin: 8px 0 0; padding: 0; list-style: none; font-size: .92em; }
.citations a { color: var(--accent-dark); text-decoration: underline; text-underline-offset: 2px; }
.choices { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 8px; white-space: normal; }
.number { display: flex; gap: 6px; margin-top: 8px; align-items: center; }
.number input { width: 7em; min-height: var(--target); border: 2px solid var(--line); border-radius: 8px; padding: 2px 8px; }
.card { margin-top: 8px; padding: 8px; border: 2px solid var(--accent); border-radius: 10px; background: var(--bg);
  white-space: normal; }
.card h3 { margin: 0 0 4px; font-size: 1em; }
.card p { margin: 0 0 6px; color: var(--muted); font-size: .9em; }
.field { display: block; margin-bottom: 8px; }
.field span { display: block; font-weight: 600; }
.field small { color: var(--muted); font-weight: 400; }
.field input { width: 100%; min-height: var(--target); border: 2px solid var(--line); border-radius: 8px; padding: 2px 8px; }
.field input[aria-invalid="true"] { border-color: #b00020; }
.outcome { margin-top: 6px; font-weight: 600; }
.outcome[data-outcome="eligible"], .outcome[data-status] { color: #145a2c; }
.outcome[data-outcome="not-eligible"] { color: #8a1111; }
.handoff { margin: 0; padding: 8px 12px; background: #1d6b3a; color: #fff; font-weight: 600; }
.elder .handoff { background: #000; }
.handoff[hidden] { display: none; }
.feedback { display: flex; gap: 6px; margin-top: 8px; align-items: center; white-space: normal; font-size: .9em; }
.feedback button { min-height: 32px; padding: 0 8px; }
.elder .feedback button { min-height: var(--target); }
.composer { display: flex; gap: 6px; padding: 8px; border-top: 1px solid var(--line); align-items: center; }
.composer input { flex: 1; min-width: 0; min-height: var(--target); border: 2px solid var(--line); border-radius: 8px;
  padding: 4px 10px; }
.actions { display: flex; gap: 6px; padding: 0 8px 8px; }
.status { padding: 0 12px; font-size: .85em; color: var(--muted); min-height: 0; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media (max-width: 480px) { .header h2 { font-size: .85em; } .panel, .elder .panel { right: 0; left: 0; bottom: 0 !important; width: 100vw; max-width: 100vw;
  height: 100vh; max-height: 100vh !important; border-radius: 0; } }
@media (prefers-reduced-motion: no-preference) { .panel { transition: opacity .15s; } }
`;
