/**
 * The launcher's shadow DOM, built without Lit (it is in the first script every page loads): the
 * round button with its icon and unread badge, and the box the panel is put in when it loads.
 */
export const ICON_CHAT =
  'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2zm2 5v2h12V9zm0 4v2h8v-2z';
export const ICON_CLOSE =
  'M19 6.4 17.6 5 12 10.6 6.4 5 5 6.4 10.6 12 5 17.6 6.4 19l5.6-5.6 5.6 5.6 1.4-1.4-5.6-5.6z';

export interface LauncherView {
  launcher: HTMLButtonElement;
  icon: SVGPathElement;
  badge: HTMLSpanElement;
  panelBox: HTMLDivElement;
}

export function launcherView(): LauncherView {
  const launcher = element('button', { part: 'launcher', class: 'launcher', type: 'button' });
  launcher.setAttribute('aria-controls', 'panel');
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  for (const [name, value] of Object.entries({
    viewBox: '0 0 24 24',
    width: '28',
    height: '28',
    'aria-hidden': 'true',
  })) {
    svg.setAttribute(name, value);
  }
  const icon = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  svg.append(icon);
  const badge = element('span', { class: 'badge', 'aria-hidden': 'true' });
  launcher.append(svg, badge);
  const panelBox = element('div', { id: 'panel', part: 'panel', class: 'panel' });
  return { launcher, icon, badge, panelBox };
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string>,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}
