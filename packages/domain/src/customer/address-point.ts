import { districtInText, isInServiceArea, locateAddress, type LocatedPoint } from '../geo/locate-address.js';
import { parseMapLink, mapLinkProblemMessages, type MapLinkProblem } from '../geo/map-link.js';
import type { ShanghaiDistrict } from '../geo/shanghai-gazetteer.js';

export type AddressPointProblem = MapLinkProblem | 'OUTSIDE_SERVICE_AREA';

/** Where a new address is, or which field is wrong and why. The console previews it; the server saves it. */
export type AddressPoint =
  | { readonly ok: true; readonly point: LocatedPoint }
  | { readonly ok: false; readonly field: 'mapLink' | 'district'; readonly problem: AddressPointProblem; readonly message: string };

const outsideMessage = 'That point is outside the area the chain delivers to (Shanghai). Check the link or the coordinates.';

/**
 * A pasted map link or pin wins (it is exact); otherwise the street within the district, or the
 * district alone. Every point must fall in the service area.
 */
export function addressPoint(input: { district: ShanghaiDistrict; detail: string; mapLink?: string | undefined }): AddressPoint {
  if (input.mapLink && input.mapLink.trim() !== '') {
    const link = parseMapLink(input.mapLink);
    if (!link.ok) return { ok: false, field: 'mapLink', problem: link.problem, message: mapLinkProblemMessages[link.problem] };
    if (!isInServiceArea(link.point)) return { ok: false, field: 'mapLink', problem: 'OUTSIDE_SERVICE_AREA', message: outsideMessage };
    const howLocated = link.source === 'typed' ? 'pin' : 'map_link';
    return { ok: true, point: { ...link.point, howLocated, precisionM: 30 } };
  }
  const located = locateAddress(input.district, input.detail);
  if (!located) return { ok: false, field: 'district', problem: 'OUTSIDE_SERVICE_AREA', message: outsideMessage };
  return { ok: true, point: located };
}

/** The address as stores and clerks read it: city and district, then the detail the agent typed. */
export function fullAddressText(district: ShanghaiDistrict, detail: string): string {
  const text = detail.trim();
  if (districtInText(text)) return text.startsWith('上海') ? text : `上海市${text}`;
  return `上海市${district}${text}`;
}
