import { defang, defangText } from '../../../src/skills/indicators/defang';
import { extractIndicators } from '../../../src/skills/indicators/extract';
import { originalRange, refang, wasDefanged } from '../../../src/skills/indicators/refang';

describe('defang', () => {
  it.each([
    ['https://evil.com/a.php?x=1', 'hxxps://evil[.]com/a.php?x=1'],
    ['http://185.220.101.4:8080/p', 'hxxp://185[.]220[.]101[.]4:8080/p'],
    ['ftp://files.evil.com/x', 'fxp://files[.]evil[.]com/x'],
    ['evil.com', 'evil[.]com'],
    ['185.220.101.4', '185[.]220[.]101[.]4'],
    ['bob@contoso.com', 'bob[@]contoso[.]com'],
    ['first.last@evil.co.uk', 'first.last[@]evil[.]co[.]uk'],
  ])('defangs %j', (value, expected) => {
    expect(defang(value)).toBe(expected);
  });

  it.each([['hxxps://evil[.]com/a'], ['evil[.]com'], ['bob[@]contoso[.]com'], ['1[.]2[.]3[.]4']])(
    'leaves the already defanged %j as it is',
    (value) => {
      expect(defang(value)).toBe(value);
    },
  );

  it('leaves values without dots alone', () => {
    expect(defang('CVE-2021-44228')).toBe('CVE-2021-44228');
    expect(defang('2001:db8::1')).toBe('2001:db8::1');
  });

  it('round-trips through extraction', () => {
    const original = 'https://contoso-payroll-update.com/login';
    expect(extractIndicators(defang(original))[0]).toEqual({ type: 'url', value: original });
  });
});

describe('defangText', () => {
  it('defangs linkable indicators and keeps the prose', () => {
    expect(
      defangText('Block https://evil.com/x and 185.220.101.4, then tell bob@contoso.com.'),
    ).toBe('Block hxxps://evil[.]com/x and 185[.]220[.]101[.]4, then tell bob[@]contoso[.]com.');
  });

  it('leaves hashes, CVE ids and file names alone', () => {
    const text = 'CVE-2021-44228 in report.pdf, md5 44d88612fea8a8f36de82e1278abb02f';
    expect(defangText(text)).toBe(text);
  });

  it('rewrites already defanged indicators in one style without touching other words', () => {
    expect(defangText('seen evil(dot)com (at) noon')).toBe('seen evil[.]com (at) noon');
  });

  it('limits itself to the types asked for', () => {
    expect(defangText('evil.com and 1.2.3.4', ['ipv4'])).toBe('evil.com and 1[.]2[.]3[.]4');
  });
});

describe('refang', () => {
  it('maps a refanged range back to the original text', () => {
    const original = 'go hxxps://evil[.]com now';
    const refanged = refang(original);
    const start = refanged.text.indexOf('https');
    const end = refanged.text.indexOf(' now');

    const range = originalRange(refanged, start, end);

    expect(refanged.text).toBe('go https://evil.com now');
    expect(original.slice(range.start, range.end)).toBe('hxxps://evil[.]com');
  });

  it('tells whether a range was written defanged', () => {
    const refanged = refang('evil[.]com and good.com');
    expect(wasDefanged(refanged, 0, 8)).toBe(true);
    expect(wasDefanged(refanged, 13, 21)).toBe(false);
  });

  it('returns text without defanged pieces unchanged', () => {
    const refanged = refang('nothing to see here');
    expect(refanged.text).toBe('nothing to see here');
    expect(refanged.edits).toEqual([]);
  });
});
