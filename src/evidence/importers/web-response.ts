/**
 * exchange.mitigation-endpoint: Invoke-WebRequest against the Emergency Mitigation Service
 * endpoint from the server. Only the status is kept; the body (a signed mitigation document) is
 * not evidence of anything exzt judges.
 */
import type { CliDocument } from '../clixml/model.js';
import type { ImportedValue } from '../kinds/kind.js';
import { asNumber, asString, member } from '../clixml/index.js';
import { assignDefined, memberAnchor, objectAnchor, shapeError, singleObject } from './read.js';

export interface WebResponse {
  statusCode: number;
  statusDescription?: string;
}

export function importWebResponse(document: CliDocument): ImportedValue<WebResponse> {
  const { object, index } = singleObject(document, {
    typeSuffix: 'WebResponseObject',
    member: 'StatusCode',
    description: 'a web response object with StatusCode (Invoke-WebRequest)',
  });
  const statusCode = asNumber(member(object, 'StatusCode'));
  if (statusCode === undefined) {
    throw shapeError(document, member(object, 'StatusCode'), 'StatusCode as a number');
  }

  const value: WebResponse = { statusCode };
  assignDefined(value, 'statusDescription', asString(member(object, 'StatusDescription')));
  const statusAnchor = memberAnchor(object, index, 'StatusCode');
  return {
    value,
    anchors: [objectAnchor(object, index), ...(statusAnchor === undefined ? [] : [statusAnchor])],
  };
}
