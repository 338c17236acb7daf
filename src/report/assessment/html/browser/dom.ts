/// <reference lib="dom" />
/**
 * Browser side of the HTML report: building elements. Every value reaches the page through
 * textContent or a DOM property, never as markup, so evidence text stays text (issue #4).
 * Functions in src/report/assessment/html/browser/ are inlined into the report by their source
 * (report-script.ts): each must be an exported function declaration that uses only its
 * arguments, the DOM and the other exported functions of these modules.
 * TODO(#4): the `lib="dom"` reference above makes DOM globals known to the type checker in every
 * module, not only these; a tsconfig of their own would fence them in.
 */

export function el(tag: string, className?: string, text?: string | number | null): HTMLElement {
  const element = document.createElement(tag);
  if (className !== undefined && className !== '') element.className = className;
  if (text !== undefined && text !== null) element.textContent = String(text);
  return element;
}

export function add(parent: Element, ...children: Array<Node | string | null>): Element {
  for (const child of children) {
    if (child === null) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return parent;
}

export function svgEl(tag: string, attributes: Record<string, string | number>): SVGElement {
  const element = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  return element;
}

export function clear(element: Element): void {
  while (element.firstChild !== null) element.removeChild(element.firstChild);
}

/** A table from a header row and rows of cells; a cell is text or a ready node. */
export function table(
  headers: string[],
  rows: Array<Array<Node | string | number | null>>,
  numeric: number[] = [],
): HTMLElement {
  const head = add(el('thead'), add(el('tr'), ...headers.map((h, i) => th(h, numeric, i))));
  const body = el('tbody');
  for (const row of rows) {
    const tr = el('tr');
    row.forEach((cell, index) => {
      const td = el('td', numeric.includes(index) ? 'num' : '');
      if (cell instanceof Node) td.appendChild(cell);
      else if (cell !== null) td.textContent = String(cell);
      tr.appendChild(td);
    });
    body.appendChild(tr);
  }
  return add(el('table'), head, body) as HTMLElement;
}

export function th(text: string, numeric: number[], index: number): HTMLElement {
  return el('th', numeric.includes(index) ? 'num' : '', text);
}

/** The badge class of a verdict, outcome or status word. */
export function badge(word: string, tone?: string): HTMLElement {
  const toneClass = (tone ?? word) === 'not-applicable' ? 'na' : (tone ?? word);
  return el('span', `badge v-${toneClass}`, word);
}

export function definitionList(entries: Array<[string, string | number | null]>): HTMLElement {
  const list = el('dl', 'meta');
  for (const [term, value] of entries) {
    add(list, el('dt', '', term), el('dd', '', value === null ? '—' : value));
  }
  return list;
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
