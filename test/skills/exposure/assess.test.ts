import {
  applicationNames,
  assessDevice,
  isApplicationCve,
} from '../../../src/skills/exposure/assess';
import { parseRanges } from '../../../src/skills/exposure/cpe';
import type { NvdCpeMatch } from '../../../src/skills/threatintel/nvd';
import { device } from './factories';

const windowsTcpIp: NvdCpeMatch[] = [
  {
    criteria: 'cpe:2.3:o:microsoft:windows_10_22h2:*:*:*:*:*:*:x64:*',
    versionEndExcluding: '10.0.19045.4780',
  },
  {
    criteria: 'cpe:2.3:o:microsoft:windows_11_23h2:*:*:*:*:*:*:x64:*',
    versionEndExcluding: '10.0.22631.4037',
  },
];

const log4j: NvdCpeMatch[] = [
  {
    criteria: 'cpe:2.3:o:siemens:6bk1602-0aa12-0tp0_firmware:*:*:*:*:*:*:*:*',
    versionEndExcluding: '2.7.0',
  },
  {
    criteria: 'cpe:2.3:a:apache:log4j:*:*:*:*:*:*:*:*',
    versionStartIncluding: '2.13.0',
    versionEndExcluding: '2.15.0',
  },
];

const judge = (overrides: Parameters<typeof device>[0], matches: NvdCpeMatch[]) =>
  assessDevice(device(overrides), parseRanges(matches));

describe('assessDevice', () => {
  it('finds a Windows 11 23H2 build below the fixed build exposed', () => {
    const result = judge({ osVersion: '10.0.22631.3880' }, windowsTcpIp);

    expect(result.verdict).toBe('exposed');
    expect(result.why).toBe(
      'Windows 11 23H2 (10.0.22631.3880) is in microsoft:windows_11_23h2 before 10.0.22631.4037.',
    );
  });

  it('finds the fixed build itself not affected and says which range it checked', () => {
    const result = judge({ osVersion: '10.0.22631.4037' }, windowsTcpIp);

    expect(result).toMatchObject({
      verdict: 'not affected',
      why: '10.0.22631.4037 is outside microsoft:windows_11_23h2 before 10.0.22631.4037.',
    });
  });

  it('finds a Windows release NVD does not list not affected', () => {
    const result = judge({ osVersion: '10.0.26100.4061' }, windowsTcpIp);

    expect(result.verdict).toBe('not affected');
    expect(result.why).toContain('NVD lists only microsoft:windows_10_22h2');
  });

  it('finds a Mac not affected by a Windows-only CVE', () => {
    expect(judge({ operatingSystem: 'macOS', osVersion: '15.5' }, windowsTcpIp).verdict).toBe(
      'not affected',
    );
  });

  it('matches an exact Android version and says a patched device looks the same', () => {
    const android = [{ criteria: 'cpe:2.3:o:google:android:14.0:*:*:*:*:*:*:*' }];

    const result = judge({ operatingSystem: 'Android', osVersion: '14' }, android);

    expect(result.verdict).toBe('exposed');
    expect(result.why).toContain('NVD gives no fixed version');
    expect(judge({ operatingSystem: 'Android', osVersion: '15' }, android).verdict).toBe(
      'not affected',
    );
  });

  it('matches a macOS range', () => {
    const macos = [
      {
        criteria: 'cpe:2.3:o:apple:macos:*:*:*:*:*:*:*:*',
        versionStartIncluding: '14.0',
        versionEndExcluding: '14.7',
      },
    ];

    expect(judge({ operatingSystem: 'macOS', osVersion: '14.6.1' }, macos).verdict).toBe('exposed');
    expect(judge({ operatingSystem: 'macOS', osVersion: '15.5' }, macos).verdict).toBe(
      'not affected',
    );
  });

  it('matches an older entry that names the Windows release in its version field', () => {
    const older = [{ criteria: 'cpe:2.3:o:microsoft:windows_10:22h2:*:*:*:*:*:*:*' }];

    expect(judge({ osVersion: '10.0.19045.4651' }, older).verdict).toBe('exposed');
    expect(judge({ osVersion: '10.0.19044.4651' }, older).verdict).toBe('not affected');
  });

  it('cannot judge an application CVE from OS inventory', () => {
    const result = judge({ osVersion: '10.0.22631.3880' }, log4j);

    expect(result.verdict).toBe('unknown');
    expect(result.why).toBe(
      'NVD lists no Windows 11 23H2 entry; it affects applications (apache:log4j), which OS ' +
        'inventory cannot see: check software inventory.',
    );
  });

  it('stays unknown when the OS is outside its range but NVD also lists applications', () => {
    const mixed = [...windowsTcpIp, ...log4j];

    const result = judge({ osVersion: '10.0.22631.4890' }, mixed);

    expect(result.verdict).toBe('unknown');
    expect(result.why).toContain('is outside microsoft:windows_11_23h2');
    expect(result.why).toContain('check software inventory');
  });

  it('is unknown for an OS Warden cannot map, saying why', () => {
    expect(judge({ operatingSystem: 'Linux', osVersion: '6.8' }, windowsTcpIp)).toMatchObject({
      verdict: 'unknown',
      why: 'Warden does not map Linux to NVD product names yet.',
    });
  });

  it('is unknown for a version that is not a number', () => {
    expect(judge({ osVersion: 'unknown' }, windowsTcpIp)).toMatchObject({
      verdict: 'unknown',
      why: expect.stringContaining('"unknown" is not a version'),
    });
  });

  it('is unknown while NVD has not listed affected products', () => {
    expect(judge({}, [])).toMatchObject({
      verdict: 'unknown',
      why: 'NVD has not listed the affected products yet.',
    });
  });
});

describe('isApplicationCve', () => {
  it('holds for Log4j, whose only OS entries are firmware no device runs', () => {
    expect(isApplicationCve(parseRanges(log4j))).toBe(true);
    expect(applicationNames(parseRanges(log4j))).toBe('apache:log4j');
  });

  it('does not hold for a CVE that names Windows releases', () => {
    expect(isApplicationCve(parseRanges([...windowsTcpIp, ...log4j]))).toBe(false);
  });
});
