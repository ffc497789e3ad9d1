/**
 * Card and chip styles, inside shadow roots. They take the page's own text colour (`color:
 * inherit` after `all: initial`), and borders and tints are mixed from it, so the card looks at
 * home on light and dark pages alike, keeps the page's text contrast, and no script has to probe
 * the page's colours (reading computed styles would force the page to recalculate its style).
 * The bookmark toggle stacks its two labels in one grid cell (only one visible), so its width is
 * the same in both states. Controls are at least 24 × 24 px.
 */
const TOGGLE = `.toggle{display:inline-grid}.toggle>span{grid-area:1/1}.toggle[aria-pressed=true] .off,.toggle:not([aria-pressed=true]) .on{visibility:hidden}`;
const CONTROLS = `
button{font:inherit;color:inherit;cursor:pointer;background:transparent;border:1px solid color-mix(in srgb,currentColor 40%,transparent);min-height:24px}
button[aria-pressed=true]{background:color-mix(in srgb,currentColor 12%,transparent);border-color:currentColor;font-weight:600}
.text-button{border:0;padding:0 2px;min-width:0;text-decoration:underline}
button:focus-visible,a:focus-visible{outline:2px solid currentColor;outline-offset:2px}
.notice{font-style:italic}
${TOGGLE}`;
const FONT = `font:13px/1.4 system-ui,"Segoe UI",Roboto,sans-serif`;

export const CARD_CSS = `
:host{all:initial;display:block;margin:8px 0;color:inherit;${FONT}}
.card{position:relative;display:flex;flex-wrap:wrap;align-items:center;gap:6px 12px;padding:6px 10px;border:1px solid color-mix(in srgb,currentColor 25%,transparent);border-radius:8px;max-width:52rem}
.brand{font-weight:700;display:inline-flex;align-items:center;gap:6px}
.brand::before{content:"";width:8px;height:8px;border-radius:50%;background:#d9480f}
a{color:inherit;text-decoration:underline;text-underline-offset:2px}
button{border-radius:6px;padding:2px 8px}
.notice-line:empty{display:none}
.watched,.version{position:absolute;top:-0.75em;right:10px;max-width:60%;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;padding:0 4px;font-size:11px;line-height:1.4;font-weight:600;background:Canvas;color:CanvasText;border-radius:4px}.watched:empty,.version:empty{display:none}
.version{top:auto;bottom:-12px}
${CONTROLS}
`;

export const CHIP_CSS = `
:host{all:initial;display:inline-flex;align-items:center;gap:4px;margin-left:6px;vertical-align:middle;color:inherit;${FONT};font-size:12px}
.chip{border-radius:10px;padding:0 6px;border:1px solid color-mix(in srgb,currentColor 30%,transparent)}
button{border-radius:10px;padding:0 6px;min-width:24px}
${CONTROLS}
`;
