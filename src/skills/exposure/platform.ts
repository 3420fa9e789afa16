/**
 * How an Intune device's `operatingSystem` and `osVersion` name themselves in NVD's CPE
 * dictionary. Windows is the subtle one: Intune reports `10.0.<build>.<revision>` for both
 * Windows 10 and 11, and NVD names each feature release as its own product
 * (`windows_10_22h2`, `windows_11_23h2`) with ranges on the full build string.
 */
export interface DevicePlatform {
  vendor: string;
  /** CPE products that describe this OS, most specific first. */
  products: string[];
  /** The version to compare with NVD ranges, as NVD writes it. */
  version: string;
  /** The feature release ("22h2"), which older NVD entries put in the version field. */
  release?: string;
  /** "Windows 11 23H2", for the answer. */
  label: string;
}

export type PlatformLookup =
  { known: true; platform: DevicePlatform } | { known: false; why: string };

/**
 * Windows feature releases by build number.
 * Source: https://learn.microsoft.com/windows/release-health/release-information and
 * https://learn.microsoft.com/windows/release-health/windows11-release-information
 */
const WINDOWS_BUILDS: Record<string, { family: '10' | '11'; release: string }> = {
  '10240': { family: '10', release: '1507' },
  '14393': { family: '10', release: '1607' },
  '17763': { family: '10', release: '1809' },
  '18363': { family: '10', release: '1909' },
  '19041': { family: '10', release: '2004' },
  '19042': { family: '10', release: '20h2' },
  '19043': { family: '10', release: '21h1' },
  '19044': { family: '10', release: '21h2' },
  '19045': { family: '10', release: '22h2' },
  '22000': { family: '11', release: '21h2' },
  '22621': { family: '11', release: '22h2' },
  '22631': { family: '11', release: '23h2' },
  '26100': { family: '11', release: '24h2' },
};

const MACOS_PRODUCTS = ['macos', 'mac_os_x', 'mac_os'];
const IOS_PRODUCTS = ['iphone_os', 'ios'];
const IPADOS_PRODUCTS = ['ipados'];
const APPLE_PRODUCTS = new Set([...MACOS_PRODUCTS, ...IOS_PRODUCTS, ...IPADOS_PRODUCTS]);
const WINDOWS_PRODUCT = /^windows_1[01](?:_\w+)?$/;

/** Whether an NVD OS criterion names a system `platformOf` can map a device to. */
export function isMappedOsProduct(cpe: { vendor: string; product: string }): boolean {
  if (cpe.vendor === 'microsoft') return WINDOWS_PRODUCT.test(cpe.product);
  if (cpe.vendor === 'apple') return APPLE_PRODUCTS.has(cpe.product);
  return cpe.vendor === 'google' && cpe.product === 'android';
}

const DOTTED_VERSION = /^\d+(?:\.\d+)*$/;
/** Intune may append Apple's build to a macOS version: "14.6.1 (23G93)". */
const TRAILING_BUILD = /\s*\([^)]*\)$/;

/** Maps an Intune device's OS to NVD's vendor and products, or says why it cannot. */
export function platformOf(operatingSystem: string, osVersion: string): PlatformLookup {
  const os = operatingSystem.trim().toLowerCase();
  const version = osVersion.trim().replace(TRAILING_BUILD, '');
  if (!DOTTED_VERSION.test(version)) {
    return { known: false, why: `OS version "${osVersion}" is not a version Warden can compare.` };
  }
  if (os === 'windows') return windowsPlatform(version);
  if (os === 'macos' || os === 'mac os x') {
    return known('apple', MACOS_PRODUCTS, version, `macOS ${version}`);
  }
  if (os === 'ios') return known('apple', IOS_PRODUCTS, version, `iOS ${version}`);
  if (os === 'ipados') return known('apple', IPADOS_PRODUCTS, version, `iPadOS ${version}`);
  if (os.startsWith('android')) {
    return known('google', ['android'], version, `Android ${version}`);
  }
  return {
    known: false,
    why: `Warden does not map ${operatingSystem} to NVD product names yet.`,
  };
}

function windowsPlatform(version: string): PlatformLookup {
  const [, , build, revision] = version.split('.');
  // NVD's Windows ranges end at a revision (10.0.19045.4780); without one it cannot be placed.
  if (revision === undefined) {
    return {
      known: false,
      why: `Windows version ${version} has no revision number, so its patch level is unknown.`,
    };
  }
  const release = WINDOWS_BUILDS[build];
  if (!release) {
    return {
      known: false,
      why: `Windows build ${build} is not one Warden can place in a Windows release.`,
    };
  }
  const product = `windows_${release.family}`;
  return {
    known: true,
    platform: {
      vendor: 'microsoft',
      products: [`${product}_${release.release}`, product],
      version,
      release: release.release,
      label: `Windows ${release.family} ${release.release.toUpperCase()}`,
    },
  };
}

function known(vendor: string, products: string[], version: string, label: string): PlatformLookup {
  return { known: true, platform: { vendor, products, version, label } };
}
