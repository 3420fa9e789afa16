import { isMappedOsProduct, platformOf } from '../../../src/skills/exposure/platform';

describe('platformOf', () => {
  it.each([
    ['10.0.19045.4651', ['windows_10_22h2', 'windows_10'], 'Windows 10 22H2'],
    ['10.0.22631.3880', ['windows_11_23h2', 'windows_11'], 'Windows 11 23H2'],
    ['10.0.26100.4061', ['windows_11_24h2', 'windows_11'], 'Windows 11 24H2'],
    ['10.0.14393.7259', ['windows_10_1607', 'windows_10'], 'Windows 10 1607'],
  ])('places Windows %s in its feature release', (osVersion, products, label) => {
    expect(platformOf('Windows', osVersion)).toEqual({
      known: true,
      platform: {
        vendor: 'microsoft',
        products,
        version: osVersion,
        release: products[0].split('_')[2],
        label,
      },
    });
  });

  it('maps macOS, with or without the Apple build Intune may append', () => {
    expect(platformOf('macOS', '14.6.1 (23G93)')).toEqual({
      known: true,
      platform: {
        vendor: 'apple',
        products: ['macos', 'mac_os_x', 'mac_os'],
        version: '14.6.1',
        label: 'macOS 14.6.1',
      },
    });
  });

  it('maps iOS and iPadOS to Apple products', () => {
    expect(platformOf('iOS', '17.5.1')).toMatchObject({
      platform: { vendor: 'apple', products: ['iphone_os', 'ios'], label: 'iOS 17.5.1' },
    });
    expect(platformOf('iPadOS', '17.5')).toMatchObject({
      platform: { products: ['ipados'] },
    });
  });

  it('maps Android, including Android Enterprise', () => {
    expect(platformOf('Android', '14')).toMatchObject({
      platform: { vendor: 'google', products: ['android'], version: '14', label: 'Android 14' },
    });
    expect(platformOf('AndroidEnterprise', '13')).toMatchObject({ known: true });
  });

  it('says it cannot map an OS it does not know', () => {
    expect(platformOf('Linux', '6.8')).toEqual({
      known: false,
      why: 'Warden does not map Linux to NVD product names yet.',
    });
  });

  it.each([['unknown'], [''], ['14 beta'], ['10.0.22631.3880a']])(
    'refuses the version %j that cannot be compared',
    (osVersion) => {
      const lookup = platformOf('Windows', osVersion);
      expect(lookup).toMatchObject({ known: false, why: expect.stringContaining('not a version') });
    },
  );

  it('says so when a Windows build is not a release it knows', () => {
    expect(platformOf('Windows', '10.0.99999.1')).toEqual({
      known: false,
      why: 'Windows build 99999 is not one Warden can place in a Windows release.',
    });
  });

  it('needs the revision of a Windows version to judge its patch level', () => {
    expect(platformOf('Windows', '10.0.22631')).toMatchObject({
      known: false,
      why: expect.stringContaining('no revision number'),
    });
  });
});

describe('isMappedOsProduct', () => {
  it.each([
    ['microsoft', 'windows_10_22h2', true],
    ['microsoft', 'windows_11', true],
    ['microsoft', 'windows_server_2022', false],
    ['apple', 'macos', true],
    ['apple', 'iphone_os', true],
    ['google', 'android', true],
    ['siemens', '6bk1602-0aa12-0tp0_firmware', false],
  ])('%s:%s → %s', (vendor, product, expected) => {
    expect(isMappedOsProduct({ vendor, product })).toBe(expected);
  });
});
