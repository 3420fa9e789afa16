import { readFileSync } from 'node:fs';
import path from 'node:path';
import { APP_PACKAGE_DIR } from './package-script';
import { type DecodedPng, decodePng, pixels } from './png-reader';

function icon(name: string): DecodedPng {
  return decodePng(readFileSync(path.join(APP_PACKAGE_DIR, name)));
}

function accentRgb(): [number, number, number] {
  const manifest = JSON.parse(readFileSync(path.join(APP_PACKAGE_DIR, 'manifest.json'), 'utf8'));
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(manifest.accentColor);
  if (!hex) throw new Error(`accentColor ${manifest.accentColor} is not #rrggbb`);
  return [parseInt(hex[1], 16), parseInt(hex[2], 16), parseInt(hex[3], 16)];
}

describe('Teams app icons', () => {
  it('has a 192×192 colour icon that is fully opaque', () => {
    const color = icon('color.png');

    expect([color.widthPx, color.heightPx]).toEqual([192, 192]);
    expect([...pixels(color)].every(([, , , alpha]) => alpha === 255)).toBe(true);
  });

  it('paints the colour icon on the manifest accent colour, with a white glyph', () => {
    const color = icon('color.png');
    const all = [...pixels(color)];

    expect(all[0].slice(0, 3)).toEqual(accentRgb());
    expect(all.some(([r, g, b]) => r === 255 && g === 255 && b === 255)).toBe(true);
  });

  it('has a 32×32 outline icon of white pixels on transparent only', () => {
    const outline = icon('outline.png');
    const all = [...pixels(outline)];
    const whiteOrClear = ([r, g, b, a]: number[]) =>
      a === 0 || (r === 255 && g === 255 && b === 255);

    expect([outline.widthPx, outline.heightPx]).toEqual([32, 32]);
    expect(all.filter((pixel) => !whiteOrClear(pixel))).toEqual([]);
    expect(all.filter(([, , , alpha]) => alpha === 255).length).toBeGreaterThan(50);
    expect(all.filter(([, , , alpha]) => alpha === 0).length).toBeGreaterThan(300);
  });
});

describe('decodePng', () => {
  it('refuses a PNG whose chunk checksum is wrong', () => {
    const file = Buffer.from(readFileSync(path.join(APP_PACKAGE_DIR, 'outline.png')));
    file[20] ^= 0xff; // a byte of the IHDR width

    expect(() => decodePng(file)).toThrow(/IHDR has a bad CRC/);
  });

  it('refuses a file that is not a PNG', () => {
    expect(() => decodePng(Buffer.from('GIF89a not a png'))).toThrow(/bad signature/);
  });
});
