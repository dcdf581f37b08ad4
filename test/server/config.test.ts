/**
 * Config validation and the time-zone helpers behind opening hours and `sentHuman`.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { defineArea, loadConfigFile, validateConfig } from '../../demo/server/config.js';
import { demoConfig } from '../../demo/server/demo-config.js';
import { formatClock, isAreaOpen, localTime } from '../../demo/server/hours.js';

describe('config', () => {
  it('accepts the demo config, whose area 1 is always open', () => {
    const config = validateConfig(JSON.parse(JSON.stringify(demoConfig)));
    assert.deepEqual(
      config.areas.map((area) => area.id),
      [1, 2],
    );
    assert.equal(config.areas[0]?.openingHours, 'always');
    assert.ok(config.agents.length >= 2);
  });

  it('fills defaults for fields a JSON file leaves out', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cention-config-'));
    try {
      const file = join(dir, 'config.json');
      writeFileSync(
        file,
        JSON.stringify({ workspace: 'acme', areas: [{ id: 7, name: 'Help' }], agents: [] }),
      );
      const config = loadConfigFile(file);
      assert.equal(config.workspace, 'acme');
      assert.equal(config.areas[0]?.queueCapacity, 50);
      assert.equal(config.areas[0]?.attachments.enabled, true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects configs with clear messages', () => {
    assert.throws(() => validateConfig(null), /expected an object/);
    assert.throws(() => validateConfig({ workspace: 'a b', areas: [], agents: [] }), /workspace/);
    assert.throws(
      () => validateConfig({ workspace: 'a', areas: [{ name: 'x' }], agents: [] }),
      /integer id/,
    );
    assert.throws(
      () =>
        validateConfig({
          workspace: 'a',
          areas: [{ id: 1, name: 'x', timeZone: 'Mars/Olympus' }],
          agents: [],
        }),
      /unknown time zone/,
    );
    assert.throws(
      () =>
        validateConfig({
          workspace: 'a',
          areas: [{ id: 1, name: 'x', openingHours: { funday: [] } }],
          agents: [],
        }),
      /unknown weekday/,
    );
    assert.throws(
      () =>
        validateConfig({
          workspace: 'a',
          areas: [{ id: 1, name: 'x', openingHours: { mon: [{ open: '8', close: '17:00' }] } }],
          agents: [],
        }),
      /HH:MM/,
    );
  });

  it('checks queue, expiry and attachment settings, naming the field', () => {
    const withArea = (area: Record<string, unknown>) => () =>
      validateConfig({ workspace: 'a', areas: [{ id: 1, name: 'x', ...area }], agents: [] });
    const attachments = {
      enabled: true,
      maxBytes: 1000,
      maxImageBytes: 500,
      allowedTypes: ['image/*'],
    };
    assert.throws(withArea({ queueCapacity: -1 }), /areas\[0\]\.queueCapacity: must be >= 0/);
    assert.throws(withArea({ queueCapacity: 2.5 }), /areas\[0\]\.queueCapacity: must be integer/);
    assert.throws(withArea({ queueCapacity: '5' }), /areas\[0\]\.queueCapacity/);
    assert.throws(withArea({ idleExpirySeconds: 0 }), /areas\[0\]\.idleExpirySeconds/);
    assert.throws(
      withArea({ attachments: { ...attachments, maxBytes: '10MB' } }),
      /areas\[0\]\.attachments\.maxBytes: must be integer/,
    );
    assert.throws(
      withArea({ attachments: { enabled: true } }),
      /areas\[0\]\.attachments\.maxBytes: required/,
    );
    assert.throws(
      withArea({ attachments: { ...attachments, allowedTypes: ['png'] } }),
      /attachments\.allowedTypes\[0\]: expected a MIME type/,
    );
    assert.throws(withArea({ attachments: { ...attachments, enabled: 'yes' } }), /enabled/);
    assert.equal(withArea({ attachments })().areas[0]?.attachments.maxBytes, 1000);
  });

  it('reads secretRetentionSeconds per area and server-wide, refusing negatives', () => {
    const config = validateConfig({
      workspace: 'a',
      secretRetentionSeconds: 3600,
      areas: [
        { id: 1, name: 'x', secretRetentionSeconds: 60 },
        { id: 2, name: 'y' },
      ],
      agents: [],
    });
    assert.equal(config.secretRetentionSeconds, 3600);
    assert.equal(config.areas[0]?.secretRetentionSeconds, 60);
    assert.equal(config.areas[1]?.secretRetentionSeconds, undefined, 'the server-wide one applies');
    assert.equal(
      'secretRetentionSeconds' in
        validateConfig({ workspace: 'a', areas: [{ id: 1, name: 'x' }], agents: [] }),
      false,
    );
    const bad = (value: unknown) => () =>
      validateConfig({
        workspace: 'a',
        areas: [{ id: 1, name: 'x', secretRetentionSeconds: value }],
        agents: [],
      });
    assert.throws(
      bad(-1),
      /areas\[0\]\.secretRetentionSeconds: expected a number of seconds \(0 or more\)/,
    );
    assert.throws(bad('1d'), /areas\[0\]\.secretRetentionSeconds/);
    assert.throws(
      () =>
        validateConfig({
          workspace: 'a',
          areas: [{ id: 1, name: 'x' }],
          agents: [],
          secretRetentionSeconds: -5,
        }),
      /config\.secretRetentionSeconds/,
    );
  });

  it('refuses misspelt fields, wrong agent areas, reused ids and backwards hours', () => {
    const config =
      (areas: unknown[], agents: unknown[] = []) =>
      () =>
        validateConfig({ workspace: 'a', areas, agents });
    assert.throws(config([{ id: 1, name: 'x', queueCapcity: 5 }]), /unknown field queueCapcity/);
    assert.throws(
      config([{ id: 1, name: 'x' }], [{ name: 'Alice', areas: ['1'] }]),
      /agents\[0\]\.areas\[0\]: must be integer/,
    );
    assert.throws(
      config([
        { id: 1, name: 'x' },
        { id: 1, name: 'y' },
      ]),
      /areas\[1\]\.id: area 1 is listed twice/,
    );
    assert.throws(
      config([{ id: 1, name: 'x', openingHours: { mon: [{ open: '18:00', close: '09:00' }] } }]),
      /openingHours\.mon\[0\]: opens at 18:00, after it closes/,
    );
    assert.throws(
      config([{ id: 1, name: 'x', openingHours: { mon: [{ open: '25:00', close: '26:00' }] } }]),
      /HH:MM/,
    );
    assert.throws(config([{ id: 1, name: 'x', openingHours: 'sometimes' }]), /"always" or/);
  });
});

describe('hours', () => {
  it('reads weekday and time in the area zone, not the server zone', () => {
    // 23:30 UTC on Friday 20 November 2026 is already Saturday in Stockholm and Tokyo.
    const instant = new Date(Date.UTC(2026, 10, 20, 23, 30));
    assert.deepEqual(localTime(instant, 'Europe/Stockholm'), { weekday: 'sat', minutes: 30 });
    assert.deepEqual(localTime(instant, 'Asia/Tokyo'), { weekday: 'sat', minutes: 8 * 60 + 30 });
    assert.deepEqual(localTime(instant, 'America/New_York'), {
      weekday: 'fri',
      minutes: 18 * 60 + 30,
    });
  });

  it('formats sentHuman as HH:MM in the zone', () => {
    const seconds = Date.UTC(2026, 6, 1, 22, 5) / 1000;
    assert.equal(formatClock(seconds, 'UTC'), '22:05');
    assert.equal(formatClock(seconds, 'Europe/Stockholm'), '00:05');
  });

  it('handles intervals up to midnight and several intervals a day', () => {
    const area = defineArea({
      id: 1,
      name: 'x',
      timeZone: 'UTC',
      openingHours: {
        sat: [
          { open: '09:00', close: '12:00' },
          { open: '20:00', close: '24:00' },
        ],
      },
    });
    const saturday = (hour: number, minute = 0) => new Date(Date.UTC(2026, 10, 21, hour, minute));
    assert.equal(isAreaOpen(area, saturday(10)), true);
    assert.equal(isAreaOpen(area, saturday(12)), false);
    assert.equal(isAreaOpen(area, saturday(23, 59)), true);
    assert.equal(isAreaOpen(area, saturday(8, 59)), false);
    assert.equal(isAreaOpen(area, new Date(Date.UTC(2026, 10, 22, 10))), false);
  });
});
