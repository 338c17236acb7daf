/**
 * Takes a rendered HTML report apart the way a browser's parser would find its pieces: the CSP
 * meta element, the inline style, the data element and the inline script. Tests of the writer
 * use it to check what the browser will see.
 */
import { DATA_ELEMENT_ID } from '../../../src/report/assessment/html/render-html.js';

export interface HtmlParts {
  csp: string;
  style: string;
  dataText: string;
  script: string;
  /** The document with the data element's text left out: the markup exzt wrote itself. */
  markup: string;
}

export function htmlParts(html: string): HtmlParts {
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
  const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1];
  const dataOpen = `<script type="application/json" id="${DATA_ELEMENT_ID}">`;
  const dataStart = html.indexOf(dataOpen) + dataOpen.length;
  // The HTML parser ends a script element at the first "</script", whatever precedes it.
  const dataEnd = html.indexOf('</script', dataStart);
  const script = /<script>([\s\S]*?)<\/script>/.exec(html.slice(dataEnd))?.[1];
  if (
    csp === undefined ||
    style === undefined ||
    script === undefined ||
    dataStart < dataOpen.length
  ) {
    throw new Error('the report lacks a CSP, a style, a data element or a script');
  }

  return {
    csp: csp.replaceAll('&#39;', "'"),
    style,
    dataText: html.slice(dataStart, dataEnd),
    script,
    markup: html.slice(0, dataStart) + html.slice(dataEnd),
  };
}
