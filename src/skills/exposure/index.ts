import type { SecurityDataSource } from '../security/types';
import { createKevLoader } from '../threatintel/kev';
import type { ThreatIntelOptions } from '../threatintel/options';
import type { AnySkill } from '../types';
import { createDeviceExposureSkill } from './skill';

export { createDeviceExposureSkill };
export { platformOf, type DevicePlatform } from './platform';

/**
 * The exposure skills. Their KEV loader is their own, so the catalog may be parsed once more
 * than strictly needed; the download itself is shared through the feed cache.
 */
export function createExposureSkills(
  source: SecurityDataSource,
  options: ThreatIntelOptions,
): AnySkill[] {
  const kev = createKevLoader(options.kevFeedUrl, options.offline);
  return [createDeviceExposureSkill(source, options, kev)];
}
