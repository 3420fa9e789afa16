import { extractIndicators, type IndicatorType } from '../../../src/skills/indicators/extract';

const valuesOf = (text: string, type: IndicatorType): string[] =>
  extractIndicators(text)
    .filter((indicator) => indicator.type === type)
    .map((indicator) => indicator.value);

const SHA256 = '8963a19fb992ad9a76576c5638fd68292cffb9aaac29eb8285f9abf6196a7dec';
const SHA1 = '5f1e8acedc065031aad553b710838eb366cfee9a';
const MD5 = '44d88612fea8a8f36de82e1278abb02f';

describe('extractIndicators', () => {
  describe('IPv4', () => {
    it.each([
      ['185.220.101.4', '185.220.101.4'],
      ['seen from 10.0.0.1, then 8.8.8.8.', '10.0.0.1'],
      ['(192.168.1.254)', '192.168.1.254'],
      ['ip=255.255.255.255;', '255.255.255.255'],
      ['route 203.0.113.0/24', '203.0.113.0'],
    ])('finds the address in %j', (text, expected) => {
      expect(valuesOf(text, 'ipv4')).toContain(expected);
    });

    it.each([
      ['256.1.1.1'],
      ['1.2.3'],
      ['version 10.0.19045.4651'],
      ['1.2.3.4.5'],
      ['01.02.03.04'],
      ['999.999.999.999'],
    ])('finds no address in %j', (text) => {
      expect(valuesOf(text, 'ipv4')).toEqual([]);
    });

    it('keeps both addresses of a sentence, in order', () => {
      expect(valuesOf('from 10.0.0.1 to 8.8.8.8.', 'ipv4')).toEqual(['10.0.0.1', '8.8.8.8']);
    });
  });

  describe('IPv6', () => {
    it.each([
      ['2001:db8::1', '2001:db8::1'],
      [
        'addr 2001:0DB8:85A3:0000:0000:8A2E:0370:7334 seen',
        '2001:0db8:85a3:0000:0000:8a2e:0370:7334',
      ],
      ['loopback ::1 only', '::1'],
      ['fe80::1ff:fe23:4567:890a.', 'fe80::1ff:fe23:4567:890a'],
      ['mapped ::ffff:192.0.2.128 here', '::ffff:192.0.2.128'],
    ])('finds the address in %j', (text, expected) => {
      expect(valuesOf(text, 'ipv6')).toEqual([expected]);
    });

    it.each([
      ['meeting at 10:30:45 today'],
      ['MAC 00:1a:2b:3c:4d:5e'],
      ['std::string and Foo::Bar'],
      ['ratio 3:2'],
      ['just :: here'],
    ])('finds no address in %j', (text) => {
      expect(valuesOf(text, 'ipv6')).toEqual([]);
    });

    it('does not report the IPv4 tail of a mapped address on its own', () => {
      expect(valuesOf('::ffff:192.0.2.128', 'ipv4')).toEqual([]);
    });
  });

  describe('domains', () => {
    it.each([
      ['visit evil.com now', 'evil.com'],
      ['login.microsoftonline.com', 'login.microsoftonline.com'],
      ['Contoso-Payroll-Update.COM.', 'contoso-payroll-update.com'],
      ['bbc.co.uk and more', 'bbc.co.uk'],
      ['see example.com/path', 'example.com'],
      ['hidden service abcdefghij234567.onion', 'abcdefghij234567.onion'],
    ])('finds the domain in %j', (text, expected) => {
      expect(valuesOf(text, 'domain')).toEqual([expected]);
    });

    it.each([
      ['open report.pdf please'],
      ['run setup.exe'],
      ['invoice.docx and data.xlsx'],
      ['uses Node.js and Vue.js'],
      ['notes in README.md'],
      ['run deploy.sh then main.py'],
      ['archive.zip attached'],
      ['e.g. this, i.e. that'],
      ['Mr.Smith said'],
      ['host CONTOSO-LT-0142.contoso.local'],
      ['ver 1.2.3'],
      ['payload.ps1 ran'],
    ])('finds no domain in %j', (text) => {
      expect(valuesOf(text, 'domain')).toEqual([]);
    });

    it('accepts a file-extension TLD when the name was written defanged', () => {
      expect(valuesOf('evil[.]zip and payroll[.]sh', 'domain')).toEqual(['evil.zip', 'payroll.sh']);
    });
  });

  describe('URLs', () => {
    it('finds a URL and reports its host after it', () => {
      expect(extractIndicators('go to https://evil.com/login?x=1 now')).toEqual([
        { type: 'url', value: 'https://evil.com/login?x=1' },
        { type: 'domain', value: 'evil.com' },
      ]);
    });

    it('drops sentence punctuation and unbalanced brackets after a URL', () => {
      expect(valuesOf('(see https://evil.com/a.php).', 'url')).toEqual(['https://evil.com/a.php']);
      expect(valuesOf('https://en.wikipedia.org/wiki/Foo_(bar), ok', 'url')).toEqual([
        'https://en.wikipedia.org/wiki/Foo_(bar)',
      ]);
    });

    it('reports an IP host as an IPv4 indicator', () => {
      expect(extractIndicators('http://185.220.101.4:8080/a.ps1')).toEqual([
        { type: 'url', value: 'http://185.220.101.4:8080/a.ps1' },
        { type: 'ipv4', value: '185.220.101.4' },
      ]);
    });

    it('reports a bracketed IPv6 host', () => {
      expect(valuesOf('http://[2001:db8::7]/x', 'ipv6')).toEqual(['2001:db8::7']);
    });

    it('does not report a hash inside a URL path separately', () => {
      expect(valuesOf(`https://files.example.com/${SHA256}/get`, 'sha256')).toEqual([]);
    });

    it('lower-cases the scheme only', () => {
      expect(valuesOf('HTTPS://Evil.com/Login', 'url')).toEqual(['https://Evil.com/Login']);
    });

    it.each([['http://intranet/home'], ['http://localhost:3978/api'], ['mailto:x']])(
      'finds no URL in %j',
      (text) => {
        expect(valuesOf(text, 'url')).toEqual([]);
      },
    );
  });

  describe('e-mail addresses', () => {
    it('finds an address without reporting its domain separately', () => {
      expect(extractIndicators('from hr-payroll@contoso-payroll-update.com today')).toEqual([
        { type: 'email', value: 'hr-payroll@contoso-payroll-update.com' },
      ]);
    });

    it('lower-cases the address', () => {
      expect(valuesOf('Bob.Lee@Contoso.com', 'email')).toEqual(['bob.lee@contoso.com']);
    });

    it.each([['user@localhost'], ['@evil.com'], ['name@host.pdf'], ['a@b']])(
      'finds no address in %j',
      (text) => {
        expect(valuesOf(text, 'email')).toEqual([]);
      },
    );
  });

  describe('hashes', () => {
    it('tells MD5, SHA-1 and SHA-256 apart by length', () => {
      expect(extractIndicators(`${MD5} ${SHA1} ${SHA256.toUpperCase()}`)).toEqual([
        { type: 'md5', value: MD5 },
        { type: 'sha1', value: SHA1 },
        { type: 'sha256', value: SHA256 },
      ]);
    });

    it('finds a hash after a label', () => {
      expect(valuesOf(`sha256:${SHA256}`, 'sha256')).toEqual([SHA256]);
    });

    it.each([
      ['too short', MD5.slice(1)],
      ['between lengths', `${SHA1}ab`],
      ['glued to a word', `x${MD5}`],
      ['not hex', `${MD5.slice(0, 31)}g`],
      ['only digits', '12345678901234567890123456789012'],
    ])('finds no hash when %s', (_why, text) => {
      const types = extractIndicators(text).map((indicator) => indicator.type);
      expect(types).not.toEqual(expect.arrayContaining(['md5']));
      expect(types).not.toEqual(expect.arrayContaining(['sha1']));
      expect(types).not.toEqual(expect.arrayContaining(['sha256']));
    });
  });

  describe('CVE ids', () => {
    it('finds ids in any case and upper-cases them', () => {
      expect(valuesOf('cve-2021-44228 and CVE-2024-123456', 'cve')).toEqual([
        'CVE-2021-44228',
        'CVE-2024-123456',
      ]);
    });

    it.each([['CVE-21-44228'], ['CVE-2021-123'], ['XCVE-2021-44228'], ['CVE-2021-44228x']])(
      'finds no id in %j',
      (text) => {
        expect(valuesOf(text, 'cve')).toEqual([]);
      },
    );
  });

  describe('defanged forms', () => {
    it.each([
      ['hxxp://evil[.]com/a', 'http://evil.com/a'],
      ['hxxps://evil[.]com/a', 'https://evil.com/a'],
      ['HXXPS://evil(.)com/a', 'https://evil.com/a'],
      ['hxxps[:]//evil[dot]com/a', 'https://evil.com/a'],
      ['hxxp[://]evil(dot)com', 'http://evil.com'],
    ])('refangs the URL %j', (text, expected) => {
      expect(valuesOf(text, 'url')).toEqual([expected]);
    });

    it.each([
      ['185[.]220[.]101[.]4', '185.220.101.4'],
      ['185(.)220(.)101(.)4', '185.220.101.4'],
      ['185[dot]220[dot]101[dot]4', '185.220.101.4'],
    ])('refangs the address %j', (text, expected) => {
      expect(valuesOf(text, 'ipv4')).toEqual([expected]);
    });

    it.each([
      ['bob[@]contoso[.]com', 'bob@contoso.com'],
      ['bob[at]contoso[.]com', 'bob@contoso.com'],
      ['bob [at] contoso [dot] com', 'bob@contoso.com'],
    ])('refangs the e-mail address %j', (text, expected) => {
      expect(valuesOf(text, 'email')).toEqual([expected]);
    });

    it('refangs a domain written with spaced brackets', () => {
      expect(valuesOf('evil [.] com', 'domain')).toEqual(['evil.com']);
    });
  });

  describe('the list as a whole', () => {
    it('keeps the order of first appearance and drops repeats', () => {
      const text =
        'CVE-2021-44228 hit 10.0.0.5; again 10.0.0.5 and evil[.]com, evil.com, cve-2021-44228';
      expect(extractIndicators(text)).toEqual([
        { type: 'cve', value: 'CVE-2021-44228' },
        { type: 'ipv4', value: '10.0.0.5' },
        { type: 'domain', value: 'evil.com' },
      ]);
    });

    it('reads a realistic phishing report', () => {
      const report = [
        'Sender: hr-payroll[@]contoso-payroll-update[.]com',
        'Link: hxxps://contoso-payroll-update[.]com/login.php?id=bob',
        `Attachment: invoice.pdf (SHA256 ${SHA256})`,
        'Callback to 185.220.101[.]4 over 443; exploit for CVE-2023-23397.',
      ].join('\n');

      expect(extractIndicators(report)).toEqual([
        { type: 'email', value: 'hr-payroll@contoso-payroll-update.com' },
        { type: 'url', value: 'https://contoso-payroll-update.com/login.php?id=bob' },
        { type: 'domain', value: 'contoso-payroll-update.com' },
        { type: 'sha256', value: SHA256 },
        { type: 'ipv4', value: '185.220.101.4' },
        { type: 'cve', value: 'CVE-2023-23397' },
      ]);
    });

    it('finds nothing in plain prose', () => {
      expect(extractIndicators('Please reset the password and check the device. Thanks!')).toEqual(
        [],
      );
    });

    it('finds nothing in an empty string', () => {
      expect(extractIndicators('')).toEqual([]);
    });
  });
});
