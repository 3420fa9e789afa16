/**
 * Top-level domains we accept when spotting domain names in free text. A full IANA list would
 * turn ordinary words after a dot ("Mr.Smith", "Node.js") into domains, so this is every
 * two-letter country code plus the generic TLDs seen in day-to-day mail and threat reports.
 * A name under a TLD missing here is not reported as a domain; add the TLD here when it matters.
 */
const COUNTRY_CODES = `
ac ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bm bn bo br bs bt
bw by bz ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk dm do dz ec ee eg er
es et eu fi fj fk fm fo fr ga gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk hm hn hr ht
hu id ie il im in io iq ir is it je jm jo jp ke kg kh ki km kn kp kr kw ky kz la lb lc li lk lr
ls lt lu lv ly ma mc md me mg mh mk ml mm mn mo mp mq mr ms mt mu mv mw mx my mz na nc ne nf ng
ni nl no np nr nu nz om pa pe pf pg ph pk pl pm pn pr ps pt pw py qa re ro rs ru rw sa sb sc sd
se sg sh si sk sl sm sn so sr ss st su sv sx sy sz tc td tf tg th tj tk tl tm tn to tr tt tv tw
tz ua ug uk us uy uz va vc ve vg vi vn vu wf ws ye yt za zm zw`;

const GENERIC = `
com net org edu gov mil int info biz name pro mobi aero asia cat coop jobs museum tel travel arpa
app dev cloud online site website shop store tech top xyz club live life world today news blog
email link click space fun icu buzz rest cyou cfd sbs monster work zone page wiki design digital
network systems solutions services support center company group global agency media studio
social vip win bid loan date download racing review science stream trade party men kim gdn ooo
best fit bar uno lol fyi host press run tools security software finance bank money pay insure
capital ventures marketing academy education school community events expert guru ltd llc inc
gmbh io onion microsoft azure office windows google amazon apple zip mov`;

export const KNOWN_TLDS: ReadonlySet<string> = new Set(
  `${COUNTRY_CODES} ${GENERIC}`.split(/\s+/).filter(Boolean),
);

/**
 * TLDs that are also everyday file extensions (`notes.md`, `run.sh`, `invoice.zip`, `main.tf`).
 * A bare name ending in one counts as a domain only when it was written defanged; inside a URL
 * or an e-mail address it always counts.
 */
export const FILE_EXTENSION_TLDS: ReadonlySet<string> = new Set([
  'zip',
  'mov',
  'md',
  'sh',
  'py',
  'pl',
  'pm',
  'rs',
  'ps',
  'so',
  'tf',
  'mk',
]);
