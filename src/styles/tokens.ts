/**
 * The widget's theme: public `--cention-*` custom properties, each with a fallback, resolved once on
 * the root element into private `--_*` properties. Nested elements only read the private ones, which
 * inherit through every shadow root, so one override on `<cention-chat>` themes the whole widget.
 * Dark mode swaps the fallbacks, not the public names: a page may still set any token itself.
 * The dark values serve twice, for `theme="dark"` and for `auto` under a dark system setting (CSS
 * cannot share one rule between a selector and a media query), so they are written once here.
 */
// Written compactly, one declaration a line: this text ships as it is (a CSS minifier would round
// the --cention-z-index fallback, 2147483000), so spaces and indentation would cost bytes on every
// page. Written once, used twice below.
const darkTokens = `
--_accent:var(--cention-color-accent,#a8c7fa);
--_on-accent:var(--cention-color-on-accent,#062e6f);
--_surface:var(--cention-color-surface,#1d1e22);
--_surface-2:var(--cention-color-surface-alt,#2a2c31);
--_text:var(--cention-color-text,#e4e4e8);
--_muted:var(--cention-color-muted,#b4b6bd);
--_border:var(--cention-color-border,#8b8d94);
--_agent-bubble:var(--cention-color-agent-bubble,#2f3238);
--_danger:var(--cention-color-danger,#ffb4ab);
--_focus:var(--cention-color-focus,#a8c7fa);
--_badge:var(--cention-color-badge,#ffb4ab);
--_on-badge:var(--cention-color-on-badge,#690005);
color-scheme:dark;
`;

// Plain CSS text, not Lit's `css`: the launcher in the first script is a plain custom element
// (Lit loads with the panel), and adopts this through a constructable stylesheet (CSP-safe).
export const tokens = `
:host{
--_accent:var(--cention-color-accent,#0b57d0);
--_on-accent:var(--cention-color-on-accent,#fff);
--_surface:var(--cention-color-surface,#fff);
--_surface-2:var(--cention-color-surface-alt,#f1f3f8);
--_text:var(--cention-color-text,#1b1b1f);
--_muted:var(--cention-color-muted,#54575e);
--_border:var(--cention-color-border,#8e9199);
--_agent-bubble:var(--cention-color-agent-bubble,#eef1f6);
--_visitor-bubble:var(--cention-color-visitor-bubble,var(--_accent));
--_on-visitor-bubble:var(--cention-color-on-visitor-bubble,var(--_on-accent));
--_danger:var(--cention-color-danger,#b3261e);
--_focus:var(--cention-color-focus,#0b57d0);
--_badge:var(--cention-color-badge,#b3261e);
--_on-badge:var(--cention-color-on-badge,#fff);
--_font:var(--cention-font-family,system-ui,-apple-system,'Segoe UI',Roboto,sans-serif);
--_font-size:var(--cention-font-size,15px);
--_radius:var(--cention-radius,12px);
--_space:var(--cention-spacing,12px);
--_z:var(--cention-z-index,2147483000);
--_launcher-size:var(--cention-launcher-size,56px);
--_panel-width:var(--cention-panel-width,380px);
--_panel-height:var(--cention-panel-height,600px);
--_offset:var(--cention-offset,20px);
--_shadow:var(--cention-shadow,0 6px 24px rgb(0 0 0 / 0.22));
color-scheme:light;
}
:host([theme='dark']){${darkTokens}}
@media (prefers-color-scheme:dark){
:host(:not([theme='light']):not([theme='dark'])){${darkTokens}}
}
`;
