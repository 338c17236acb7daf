/**
 * The report's one stylesheet, inlined and allowed by its hash (csp.ts). Colours are custom
 * properties so dark mode is one block: it follows prefers-color-scheme unless the reader picks
 * a theme with the toggle (data-theme on <html>). Print always uses the light colours, shows
 * every section and hides what only makes sense on a screen (tabs, filters, pager, buttons).
 */

const LIGHT = `
  --bg: #ffffff; --fg: #1b1f24; --muted: #59636e; --panel: #f6f8fa; --border: #d0d7de;
  --accent: #0b5cad; --pass: #1a7f37; --fail: #cf222e; --warn: #9a6700; --waived: #8250df;
  --na: #6e7781; --not-assessed: #bc4c00; --error: #a40e26; --track: #eaeef2;`;

const DARK = `
  --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --panel: #161b22; --border: #30363d;
  --accent: #58a6ff; --pass: #3fb950; --fail: #f85149; --warn: #d29922; --waived: #a371f7;
  --na: #8b949e; --not-assessed: #f0883e; --error: #ff7b72; --track: #21262d;`;

const VERDICTS = ['pass', 'fail', 'warn', 'waived', 'na', 'not-assessed', 'error'];

const verdictRules = VERDICTS.map(
  (verdict) =>
    `.badge.v-${verdict} { color: var(--${verdict}); border-color: var(--${verdict}); }\n` +
    `.bar.v-${verdict} { fill: var(--${verdict}); }`,
).join('\n');

export const REPORT_STYLE = `
:root {${LIGHT} color-scheme: light; }
@media (prefers-color-scheme: dark) { :root:not([data-theme="light"]) {${DARK} color-scheme: dark; } }
:root[data-theme="dark"] {${DARK} color-scheme: dark; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
header.top { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; padding: 10px 20px;
  border-bottom: 1px solid var(--border); background: var(--panel); position: sticky; top: 0; z-index: 2; }
header.top h1 { font-size: 18px; margin: 0 12px 0 0; }
nav.tabs { display: flex; gap: 4px; flex: 1; }
button { font: inherit; color: var(--fg); background: var(--bg); border: 1px solid var(--border);
  border-radius: 6px; padding: 4px 10px; cursor: pointer; }
button[aria-pressed="true"], button.active { border-color: var(--accent); color: var(--accent); font-weight: 600; }
button:disabled { opacity: 0.5; cursor: default; }
main { padding: 12px 20px 40px; max-width: 1400px; }
section.view.hidden { display: none; }
h2 { font-size: 17px; margin: 22px 0 8px; }
h3 { font-size: 15px; margin: 16px 0 6px; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; }
th, td { text-align: left; vertical-align: top; padding: 4px 8px; border-bottom: 1px solid var(--border); }
th { background: var(--panel); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.muted { color: var(--muted); }
.badge { display: inline-block; border: 1px solid; border-radius: 10px; padding: 0 7px;
  font-size: 12px; font-weight: 600; white-space: nowrap; }
.badge.kev { color: var(--fail); border-color: var(--fail); }
${verdictRules}
.bar.track { fill: var(--track); }
svg.posture text { fill: var(--fg); font-size: 12px; }
.chips { display: flex; flex-wrap: wrap; gap: 6px; margin: 6px 0; }
ol.risks li { margin: 4px 0; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; }
dl.meta dt { color: var(--muted); }
dl.meta dd { margin: 0; overflow-wrap: anywhere; }
form.filters { display: flex; flex-wrap: wrap; gap: 8px 14px; align-items: end; padding: 10px;
  background: var(--panel); border: 1px solid var(--border); border-radius: 6px; }
form.filters label { display: flex; flex-direction: column; font-size: 12px; color: var(--muted); }
select, input { font: inherit; color: var(--fg); background: var(--bg); border: 1px solid var(--border);
  border-radius: 4px; padding: 3px 6px; max-width: 260px; }
input[type="search"] { width: 240px; }
.pager { display: flex; gap: 10px; align-items: center; margin: 10px 0; }
details.result { border: 1px solid var(--border); border-radius: 6px; margin: 4px 0; background: var(--bg);
  content-visibility: auto; contain-intrinsic-size: auto 52px; }
details.result > summary { cursor: pointer; padding: 5px 10px; display: flex; flex-wrap: wrap; gap: 4px 10px;
  align-items: baseline; }
details.result > summary .control { font-family: ui-monospace, monospace; font-size: 13px; }
details.result > summary .subject { font-weight: 600; }
details.result > summary .message { flex-basis: 100%; color: var(--muted); overflow-wrap: anywhere; }
details.result[open] > summary { border-bottom: 1px solid var(--border); background: var(--panel); }
.result-body { padding: 4px 14px 10px; overflow-wrap: anywhere; }
.result-body h4 { font-size: 13px; margin: 10px 0 4px; }
pre { background: var(--panel); border: 1px solid var(--border); border-radius: 4px; padding: 6px 8px;
  overflow-x: auto; white-space: pre-wrap; overflow-wrap: anywhere; font-size: 12px; margin: 4px 0; }
ul.facts { margin: 2px 0; padding-left: 18px; font-size: 12px; }
code, .mono { font-family: ui-monospace, monospace; font-size: 12px; }
.link { border: none; background: none; color: var(--accent); padding: 0 4px 0 0; text-decoration: underline; }
@media print {
  :root, :root[data-theme="dark"], :root:not([data-theme="light"]) {${LIGHT} color-scheme: light; }
  header.top { position: static; background: none; }
  nav.tabs, form.filters, .pager, button, .screen-only { display: none !important; }
  section.view, section.view.hidden { display: block !important; break-before: page; }
  section.view:first-of-type { break-before: auto; }
  details.result { break-inside: avoid; content-visibility: visible; }
  details.result > summary { list-style: none; }
  main { max-width: none; padding: 0; }
  body { font-size: 11px; }
}
`;
