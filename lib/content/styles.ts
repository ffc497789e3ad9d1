/**
 * Card and chip styles, inside shadow roots. They take the page's own text colour (`color:
 * inherit` after `all: initial`), and borders and tints are mixed from it, so the card looks at
 * home on light and dark pages alike, keeps the page's text contrast, and no script has to probe
 * the page's colours (reading computed styles would force the page to recalculate its style).
 * The bookmark toggle stacks its two labels in one grid cell (only one visible), so its width is
 * the same in both states. Controls are at least 24 × 24 px.
 */
/**
 * Icons are drawn, not typed: ★, ☆ and ▲ are in few text fonts, and each glyph a page's fonts lack
 * sends the browser looking through the system's fonts for one that has it, in the middle of the
 * page's first layout (measured: about a millisecond). The star is a clip-path polygon in the text
 * colour (faint until the paper is bookmarked), the upvote mark a triangle.
 */
const ICONS = `.toggle>span::before,.upvotes::before{content:"";display:inline-block;background:currentColor}.toggle>span::before{width:1em;height:1em;clip-path:polygon(50% 2%,62% 36%,98% 37%,69% 58%,79% 92%,50% 72%,21% 92%,31% 58%,2% 37%,38% 36%)}.toggle>.off::before{opacity:.45}.toggle>span:not(:empty)::before{margin-right:.3em}.upvotes::before{width:.7em;height:.6em;margin-right:.25em;clip-path:polygon(50% 0,100% 100%,0 100%)}`;
const TOGGLE = `.toggle{display:inline-grid}.toggle>span{grid-area:1/1;display:inline-flex;align-items:center}.toggle[aria-pressed=true] .off,.toggle:not([aria-pressed=true]) .on{visibility:hidden}`;
const CONTROLS = `
button{font:inherit;color:inherit;cursor:pointer;background:transparent;border:1px solid color-mix(in srgb,currentColor 40%,transparent);min-height:24px}
button[aria-pressed=true]{background:color-mix(in srgb,currentColor 12%,transparent);border-color:currentColor;font-weight:600}
.text-button{border:0;padding:0 2px;min-width:0;text-decoration:underline}
button:focus-visible,a:focus-visible{outline:2px solid currentColor;outline-offset:2px}
${TOGGLE}
${ICONS}`;
/**
 * The page's own font family: the card looks at home, and the browser lays it out with a font the
 * page has loaded already instead of looking one up (system-ui and its fallbacks are a font search
 * of their own on a page that does not use them).
 */
const FONT = `font-family:inherit;font-size:13px;line-height:1.4`;

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
