import {
  compareVersions,
  describeRange,
  hasRange,
  inRange,
  parseCpe,
  parseRanges,
} from '../../../src/skills/exposure/cpe';

describe('parseCpe', () => {
  it('reads part, vendor, product and version of a CPE 2.3 string', () => {
    expect(parseCpe('cpe:2.3:o:microsoft:windows_10_22h2:*:*:*:*:*:*:x64:*')).toEqual({
      part: 'o',
      vendor: 'microsoft',
      product: 'windows_10_22h2',
      version: '*',
    });
  });

  it('keeps an escaped colon inside its field', () => {
    expect(parseCpe(String.raw`cpe:2.3:a:acme:tool\:pro:1.2:*:*:*:*:*:*:*`)).toMatchObject({
      product: String.raw`tool\:pro`,
      version: '1.2',
    });
  });

  it.each([['cpe:/o:microsoft:windows_10'], ['not a cpe'], ['cpe:2.3:o:microsoft']])(
    'returns undefined for %j',
    (text) => {
      expect(parseCpe(text)).toBeUndefined();
    },
  );

  it('drops criteria that do not parse when building ranges', () => {
    const ranges = parseRanges([
      { criteria: 'cpe:2.3:a:apache:log4j:2.0:rc1:*:*:*:*:*:*' },
      { criteria: 'cpe:/a:apache:log4j' },
    ]);

    expect(ranges.map((range) => range.cpe.product)).toEqual(['log4j']);
  });
});

describe('compareVersions', () => {
  it.each([
    ['10.0.19045.4651', '10.0.19045.4780', -1],
    ['10.0.22631.4890', '10.0.22631.4037', 1],
    ['10.0.22631.10', '10.0.22631.9', 1],
    ['14', '14.0', 0],
    ['17.5.1', '17.5', 1],
    ['2.0', '2.0', 0],
  ])('compares %s with %s as %d', (a, b, expected) => {
    expect(compareVersions(a, b)).toBe(expected);
  });

  it('compares segments that are not numbers as text', () => {
    expect(compareVersions('2.0.beta', '2.0.rc')).toBe(-1);
  });
});

describe('version ranges', () => {
  const upTo4780 = { criteria: 'x', versionEndExcluding: '10.0.19045.4780' };

  it('treats the excluding end bound as outside the range', () => {
    expect(inRange('10.0.19045.4651', upTo4780)).toBe(true);
    expect(inRange('10.0.19045.4780', upTo4780)).toBe(false);
  });

  it('applies every bound given, inclusive and exclusive', () => {
    const match = {
      criteria: 'x',
      versionStartIncluding: '13.0',
      versionEndIncluding: '13.6.8',
    };

    expect(inRange('13.0', match)).toBe(true);
    expect(inRange('13.6.8', match)).toBe(true);
    expect(inRange('13.6.9', match)).toBe(false);
    expect(inRange('12.7.6', match)).toBe(false);
    expect(inRange('2.0', { criteria: 'x', versionStartExcluding: '2.0' })).toBe(false);
  });

  it('knows whether a criterion has a range at all', () => {
    expect(hasRange(upTo4780)).toBe(true);
    expect(hasRange({ criteria: 'cpe:2.3:o:google:android:14.0:*:*:*:*:*:*:*' })).toBe(false);
  });

  it('describes a range and a bare version in words', () => {
    const [windows, android] = parseRanges([
      {
        criteria: 'cpe:2.3:o:microsoft:windows_11_23h2:*:*:*:*:*:*:x64:*',
        versionStartIncluding: '10.0.22631.0',
        versionEndExcluding: '10.0.22631.4037',
      },
      { criteria: 'cpe:2.3:o:google:android:*:*:*:*:*:*:*:*' },
    ]);

    expect(describeRange(windows)).toBe(
      'microsoft:windows_11_23h2 from 10.0.22631.0 before 10.0.22631.4037',
    );
    expect(describeRange(android)).toBe('google:android all versions');
  });
});
