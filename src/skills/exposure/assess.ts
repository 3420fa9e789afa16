import type { ManagedDevice } from '../security/types';
import { compareVersions, type CpeRange, describeRange, hasRange, inRange } from './cpe';
import { type DevicePlatform, isMappedOsProduct, platformOf } from './platform';

export type Verdict = 'exposed' | 'not affected' | 'unknown';

export interface DeviceAssessment {
  device: ManagedDevice;
  verdict: Verdict;
  why: string;
}

const MAX_RANGES_IN_REASON = 2;
const SOFTWARE_INVENTORY = 'check software inventory';

/**
 * Judges one device from its OS alone. Only NVD's vulnerable OS-level (`o`) criteria for the
 * device's own OS can say anything here; products OS inventory cannot see (applications, other
 * vendors' firmware) leave the device "unknown" rather than "not affected".
 */
export function assessDevice(device: ManagedDevice, ranges: CpeRange[]): DeviceAssessment {
  const unknown = (why: string): DeviceAssessment => ({ device, verdict: 'unknown', why });
  const applications = applicationNames(ranges);

  if (ranges.length === 0) {
    return unknown('NVD has not listed the affected products yet.');
  }
  const lookup = platformOf(device.operatingSystem, device.osVersion);
  if (!lookup.known) return unknown(lookup.why);
  const { platform } = lookup;

  const relevant = ranges.filter((range) => describesPlatform(range, platform));
  if (relevant.length === 0) {
    if (applications !== '') {
      return unknown(
        `NVD lists no ${platform.label} entry; it affects applications (${applications}), ` +
          `which OS inventory cannot see: ${SOFTWARE_INVENTORY}.`,
      );
    }
    const others = productNames(ranges);
    return { device, verdict: 'not affected', why: `NVD lists only ${others}.` };
  }

  const hit = relevant.find((range) => matches(range, platform));
  if (hit) return { device, verdict: 'exposed', why: exposedReason(hit, platform) };

  const checked = relevant.slice(0, MAX_RANGES_IN_REASON).map(describeRange).join('; ');
  const outside = `${platform.version} is outside ${checked}`;
  if (applications !== '') {
    return unknown(
      `${outside}, but NVD also lists applications (${applications}): ${SOFTWARE_INVENTORY}.`,
    );
  }
  return { device, verdict: 'not affected', why: `${outside}.` };
}

function describesPlatform(range: CpeRange, platform: DevicePlatform): boolean {
  const { cpe } = range;
  return (
    cpe.part === 'o' && cpe.vendor === platform.vendor && platform.products.includes(cpe.product)
  );
}

function matches(range: CpeRange, platform: DevicePlatform): boolean {
  const { cpe, match } = range;
  if (hasRange(match)) return inRange(platform.version, match);
  // `*` names every version; `-` (no version) is how NVD writes a whole Windows release.
  if (cpe.version === '*' || cpe.version === '-') return true;
  if (platform.release && cpe.version.toLowerCase() === platform.release) return true;
  return compareVersions(platform.version, cpe.version) === 0;
}

/**
 * A version range places the device's patch level; a bare release or version only says the
 * release is affected, which a patched device also matches, so the reason says so.
 */
function exposedReason(range: CpeRange, platform: DevicePlatform): string {
  const where = `${platform.label} (${platform.version}) is in ${describeRange(range)}`;
  if (hasRange(range.match)) return `${where}.`;
  return `${where}; NVD gives no fixed version, so a patched device looks the same.`;
}

/**
 * Whether NVD names an operating system Warden maps devices to. When it does not and names
 * applications instead (Log4j), no device can be judged from OS inventory.
 */
export function isApplicationCve(ranges: CpeRange[]): boolean {
  const mappedOs = ranges.some(({ cpe }) => cpe.part === 'o' && isMappedOsProduct(cpe));
  return !mappedOs && applicationNames(ranges) !== '';
}

/** The affected applications (`a` criteria), named for an answer; "" when there are none. */
export function applicationNames(ranges: CpeRange[]): string {
  return productNames(ranges.filter((range) => range.cpe.part === 'a'));
}

const MAX_PRODUCTS_NAMED = 4;

/** "apache:log4j, siemens:sppa-t3000_ses3000_firmware", deduplicated and capped. */
export function productNames(ranges: CpeRange[]): string {
  const names = [...new Set(ranges.map((range) => `${range.cpe.vendor}:${range.cpe.product}`))];
  const shown = names.slice(0, MAX_PRODUCTS_NAMED).join(', ');
  const more = names.length - MAX_PRODUCTS_NAMED;
  return more > 0 ? `${shown} and ${more} more` : shown;
}
