/// <reference lib="dom" />
/**
 * Browser side of the HTML report: the entry point. Reads the embedded JSON, draws the header
 * (tabs, theme toggle) and the three views, and redraws the findings in full when the page is
 * printed, so the PDF holds every matching result opened rather than one page of closed rows.
 */
import type { HtmlReportData } from '../report-data.js';
import type { App } from './app-state.js';
import { createApp } from './app-state.js';
import { add, el } from './dom.js';
import { drawResults, renderFindings } from './findings.js';
import { renderFrameworks } from './frameworks.js';
import { renderOverview } from './overview.js';

export function main(): void {
  const source = document.getElementById('exzt-data');
  const root = document.getElementById('app');
  if (source === null || root === null) return;

  const data = JSON.parse(source.textContent ?? '{}') as HtmlReportData;
  const app = createApp(data);
  app.views = {
    overview: renderOverview(data),
    findings: renderFindings(app),
    frameworks: renderFrameworks(app, () => showView(app, 'findings')),
  };
  const sections = el('main');
  for (const [name, view] of Object.entries(app.views)) {
    view.id = name;
    add(sections, view);
  }
  add(root, header(app, document.title), sections);
  showView(app, 'overview');
  watchPrinting(app);
}

export function header(app: App, title: string): HTMLElement {
  const tabs = el('nav', 'tabs');
  tabs.setAttribute('aria-label', 'Report sections');
  for (const name of Object.keys(app.views)) {
    const tab = el('button', 'tab', name[0]?.toUpperCase() + name.slice(1)) as HTMLButtonElement;
    tab.type = 'button';
    tab.dataset.view = name;
    tab.addEventListener('click', () => showView(app, name));
    add(tabs, tab);
  }
  return add(el('header', 'top'), el('h1', '', title), tabs, themeToggle()) as HTMLElement;
}

export function showView(app: App, name: string): void {
  for (const [viewName, view] of Object.entries(app.views)) {
    view.classList.toggle('hidden', viewName !== name);
  }
  document.querySelectorAll('nav.tabs button').forEach((tab) => {
    tab.setAttribute('aria-pressed', String((tab as HTMLElement).dataset.view === name));
  });
}

/** Follows prefers-color-scheme until the reader chooses; the choice is set on <html>. */
export function themeToggle(): HTMLElement {
  const button = el('button', 'theme') as HTMLButtonElement;
  button.type = 'button';
  button.id = 'theme-toggle';
  const label = () => {
    button.textContent = currentTheme() === 'dark' ? 'Light mode' : 'Dark mode';
  };
  button.addEventListener('click', () => {
    document.documentElement.dataset.theme = currentTheme() === 'dark' ? 'light' : 'dark';
    label();
  });
  label();
  return button;
}

export function currentTheme(): string {
  const chosen = document.documentElement.dataset.theme;
  if (chosen !== undefined) return chosen;

  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function watchPrinting(app: App): void {
  const setPrinting = (printing: boolean) => {
    if (app.printing === printing) return;

    app.printing = printing;
    drawResults(app);
  };
  window.addEventListener('beforeprint', () => setPrinting(true));
  window.addEventListener('afterprint', () => setPrinting(false));
  window.matchMedia('print').addEventListener('change', (event) => setPrinting(event.matches));
}
