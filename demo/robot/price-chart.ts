/**
 * The FAQ robot's one image: a small bar chart of the three fibre plans' monthly prices, drawn
 * pixel by pixel into a PNG (no image tools or binary files in the repo needed).
 */
import { deflateSync } from 'node:zlib';

export const PLANS = [
  { name: 'Fibre 250', speed: '250/250 Mbit/s', price: 299 },
  { name: 'Fibre 500', speed: '500/500 Mbit/s', price: 379 },
  { name: 'Fibre 1000', speed: '1000/1000 Mbit/s', price: 449 },
] as const;

type Rgb = readonly [number, number, number];

const WIDTH = 240;
const HEIGHT = 140;
const BACKGROUND: Rgb = [244, 247, 251];
const AXIS: Rgb = [90, 98, 112];
const BAR_COLOURS: readonly Rgb[] = [
  [120, 170, 230],
  [40, 110, 200],
  [11, 61, 145],
];

/** The chart as PNG bytes: one bar per plan, height proportional to the price. */
export function priceChartPng(): Buffer {
  const pixels = Buffer.alloc(WIDTH * HEIGHT * 3);
  const fill = (x0: number, y0: number, x1: number, y1: number, colour: Rgb) => {
    for (let y = y0; y < y1; y++)
      for (let x = x0; x < x1; x++) pixels.set(colour, (y * WIDTH + x) * 3);
  };
  fill(0, 0, WIDTH, HEIGHT, BACKGROUND);
  const baseline = HEIGHT - 16;
  fill(16, baseline, WIDTH - 16, baseline + 2, AXIS);
  const highest = Math.max(...PLANS.map((plan) => plan.price));
  PLANS.forEach((plan, index) => {
    const height = Math.round(((baseline - 16) * plan.price) / highest);
    const left = 32 + index * 70;
    fill(left, baseline - height, left + 46, baseline, BAR_COLOURS[index] ?? AXIS);
  });
  return encodePng(WIDTH, HEIGHT, pixels);
}

/** A truecolour PNG: signature, IHDR, one IDAT of filter-0 rows, IEND. */
function encodePng(width: number, height: number, rgb: Buffer): Buffer {
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    rgb.copy(rows, y * (width * 3 + 1) + 1, y * width * 3, (y + 1) * width * 3);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits per channel, truecolour, deflate, no filter set, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
