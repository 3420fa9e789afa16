// Draws the Teams app icons into appPackage/: color.png (192×192, a white shield with a check
// mark on the accent colour) and outline.png (32×32, the same shield in white on transparent).
// The PNGs are committed; run `node scripts/make-teams-icons.js` after changing the drawing.
// Icon rules:
// https://learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/apps-package
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const APP_PACKAGE_DIR = path.join(__dirname, '..', 'appPackage');

/** Keep in step with `accentColor` in appPackage/manifest.json. */
const ACCENT_RGB = [0x1b, 0x4f, 0x8a];
const WHITE_RGB = [0xff, 0xff, 0xff];

/** Samples per pixel side; 4 gives 16 samples, enough for smooth edges at 32 px. */
const SUPERSAMPLING = 4;

// Shapes are drawn in a unit square: x and y from 0 (left, top) to 1 (right, bottom).

/** Half-width of the shield at height y, measured from its centre line x = 0.5. */
function shieldHalfWidth(shield, y) {
  const { top, shoulder, bottom, halfWidth } = shield;
  if (y < top || y > bottom) return -1;
  if (y <= shoulder) return halfWidth;
  const t = (y - shoulder) / (bottom - shoulder);
  return halfWidth * Math.sqrt(1 - t * t) * (1 - 0.35 * t);
}

/** The top edge dips towards the middle, like a heater shield. */
function shieldTop(shield, x) {
  const fromCentre = Math.abs(x - 0.5) / shield.halfWidth;
  return shield.top + shield.dip * (1 - fromCentre * fromCentre);
}

function insideShield(shield, x, y) {
  if (y < shieldTop(shield, x)) return false;
  return Math.abs(x - 0.5) <= shieldHalfWidth(shield, y);
}

function shrinkShield(shield, by) {
  return {
    top: shield.top + by * 1.1,
    shoulder: shield.shoulder,
    bottom: shield.bottom - by * 1.6,
    halfWidth: shield.halfWidth - by,
    dip: shield.dip,
  };
}

function distanceToSegment(x, y, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const along = ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy);
  const t = Math.min(1, Math.max(0, along));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

function onCheckMark(check, x, y) {
  const [start, corner, end] = check.points;
  const distance = Math.min(
    distanceToSegment(x, y, start, corner),
    distanceToSegment(x, y, corner, end),
  );
  return distance <= check.halfThickness;
}

/** Renders `paint(x, y) → [r, g, b, a] | null` into RGBA rows, averaging sub-pixel samples. */
function render(sizePx, background, paint) {
  const pixels = Buffer.alloc(sizePx * sizePx * 4);
  const samples = SUPERSAMPLING * SUPERSAMPLING;
  for (let row = 0; row < sizePx; row++) {
    for (let col = 0; col < sizePx; col++) {
      const sum = [0, 0, 0, 0];
      for (let s = 0; s < samples; s++) {
        const x = (col + ((s % SUPERSAMPLING) + 0.5) / SUPERSAMPLING) / sizePx;
        const y = (row + (Math.floor(s / SUPERSAMPLING) + 0.5) / SUPERSAMPLING) / sizePx;
        const rgba = paint(x, y) ?? background;
        for (let c = 0; c < 4; c++) sum[c] += rgba[c];
      }
      const offset = (row * sizePx + col) * 4;
      for (let c = 0; c < 4; c++) pixels[offset + c] = Math.round(sum[c] / samples);
    }
  }
  return pixels;
}

function drawColorIcon() {
  // Teams crops the colour icon's corners, so the shield stays inside the middle 96 px.
  const shield = { top: 0.25, shoulder: 0.47, bottom: 0.78, halfWidth: 0.23, dip: 0.03 };
  const check = {
    points: [
      [0.4, 0.5],
      [0.47, 0.57],
      [0.61, 0.41],
    ],
    halfThickness: 0.028,
  };
  const accent = [...ACCENT_RGB, 255];
  return render(192, accent, (x, y) => {
    if (!insideShield(shield, x, y)) return null;
    return onCheckMark(check, x, y) ? accent : [...WHITE_RGB, 255];
  });
}

function drawOutlineIcon() {
  // One-pixel margin; a stroke about 2.5 px wide reads well at Teams' 32 px app-bar size.
  const outer = { top: 0.06, shoulder: 0.42, bottom: 0.95, halfWidth: 0.4, dip: 0.05 };
  const inner = shrinkShield(outer, 0.08);
  const check = {
    points: [
      [0.33, 0.5],
      [0.46, 0.63],
      [0.68, 0.37],
    ],
    halfThickness: 0.05,
  };
  const white = [...WHITE_RGB, 255];
  const transparent = [...WHITE_RGB, 0];
  return render(32, transparent, (x, y) => {
    const ring = insideShield(outer, x, y) && !insideShield(inner, x, y);
    return ring || onCheckMark(check, x, y) ? white : null;
  });
}

function pngChunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** Encodes 8-bit RGBA rows as a PNG (colour type 6, no interlace, filter 0 on every row). */
function encodePng(sizePx, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(sizePx, 0);
  header.writeUInt32BE(sizePx, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rowBytes = sizePx * 4;
  const filtered = Buffer.alloc(sizePx * (rowBytes + 1));
  for (let row = 0; row < sizePx; row++) {
    rgba.copy(filtered, row * (rowBytes + 1) + 1, row * rowBytes, (row + 1) * rowBytes);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    pngChunk('IHDR', header),
    pngChunk('IDAT', zlib.deflateSync(filtered, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

function main() {
  fs.writeFileSync(path.join(APP_PACKAGE_DIR, 'color.png'), encodePng(192, drawColorIcon()));
  fs.writeFileSync(path.join(APP_PACKAGE_DIR, 'outline.png'), encodePng(32, drawOutlineIcon()));
  process.stdout.write(`Wrote color.png and outline.png to ${APP_PACKAGE_DIR}\n`);
}

main();
